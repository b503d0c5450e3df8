namespace Monitoring.Core.Validation;

/// <summary>
/// What is wrong with one field of something a user or a source sent (an article pushed, a feed source, an
/// alert), as forms and the push API's 400 answers show it.
/// </summary>
/// <param name="Field">The field, e.g. "title".</param>
/// <param name="Message">What is wrong with it, e.g. "is required".</param>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field} {Message}";
}

namespace Monitoring.Search;

/// <summary>
/// The search text is not valid query syntax (an unclosed quote or parenthesis, a dangling operator,
/// a leading wildcard). The message is written for the analyst who typed the text and may be shown as is.
/// </summary>
public sealed class InvalidQueryException : ArgumentException
{
    public InvalidQueryException()
    {
    }

    public InvalidQueryException(string message)
        : base(message)
    {
    }

    public InvalidQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidQueryException(string message, string queryText, Exception? innerException)
        : base(message, innerException)
    {
        QueryText = queryText;
    }

    /// <summary>The text that could not be parsed.</summary>
    public string? QueryText { get; }

    /// <summary>
    /// The 1-based character of <see cref="QueryText"/> where the problem is (an unclosed quote or
    /// parenthesis, a misplaced operator), or null when it is the text as a whole (it ends too early).
    /// </summary>
    public int? Position { get; init; }
}

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>One way of referring to a country: a name, a demonym, its capital, one of its cities or regions.</summary>
/// <param name="Text">The surface form, e.g. "Belgrade", "Serbian", "Bosnia and Herzegovina".</param>
/// <param name="Code">ISO 3166-1 alpha-2 (Kosovo XK), or <see cref="BlockerCode"/> for words that are no country.</param>
/// <param name="Language">ISO 639-1 code the form belongs to, or <see cref="AnyLanguage"/>.</param>
/// <param name="Origin">Which data set the form comes from, for attribution and debugging.</param>
public sealed record GazetteerEntry(string Text, string Code, GazetteerKind Kind, string Language, string Origin)
{
    /// <summary>The code of a blocker entry: its words are consumed and tag nothing ("New Mexico").</summary>
    public const string BlockerCode = "-";

    /// <summary>Forms that are used whatever the article's language (local spellings of local places).</summary>
    public const string AnyLanguage = "und";
}

public enum GazetteerKind
{
    Name,
    Demonym,
    Capital,
    City,

    /// <summary>A state or province of a country (California, N.Y.).</summary>
    Region,
    Blocker,
}

namespace Monitoring.Core.Enrichment;

/// <summary>The language a text reads as.</summary>
/// <param name="Language">ISO 639-1 code ("sr", "hr", "sq"…), or <see cref="Undetermined"/>.</param>
/// <param name="Script">ISO 15924 script of the text ("Latn", "Cyrl"), useful for Serbian, which uses both.</param>
/// <param name="Confidence">0–1: how much more likely the best language is than the runner-up (1 = no contest).</param>
public sealed record LanguageGuess(string Language, string Script, double Confidence)
{
    /// <summary>The ISO 639 code for "undetermined".</summary>
    public const string Undetermined = "und";

    public static LanguageGuess Unknown { get; } = new(Undetermined, "Zyyy", 0);
}

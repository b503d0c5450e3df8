using System.Text.Json.Serialization;

namespace Monitoring.Core.Enrichment.Tension;

/// <summary>
/// The root of <c>tension.json</c>. The score is 100 · (1 − e^(−d / <see cref="Saturation"/>)), where d is the
/// weighted term count per 100 words (at least <see cref="MinimumWords"/> words are assumed, so one word in a
/// headline does not max out). Density rather than sum keeps long articles from always reaching 100.
/// </summary>
public sealed record TensionLexicon
{
    [JsonPropertyName("saturation")]
    public double Saturation { get; init; } = 10;

    [JsonPropertyName("minimumWords")]
    public int MinimumWords { get; init; } = 60;

    /// <summary>Phrase → weight, matched like topic terms.</summary>
    [JsonPropertyName("terms")]
    public required IReadOnlyDictionary<string, double> Terms { get; init; }
}

using System.Text.Json.Serialization;

namespace Monitoring.Core.Enrichment.Tension;

/// <summary>
/// The root of <c>tension.json</c>. The score is 100 · (1 − e^(−d / <see cref="Saturation"/>)), where d is the
/// weighted term count per 100 words (at least <see cref="MinimumWords"/> words are assumed, so one word in a
/// headline does not max out). Density rather than sum keeps long articles from always reaching 100.
/// Terms are grouped in categories that are either threats or acts (docs/tension.md).
/// </summary>
public sealed record TensionLexicon
{
    [JsonPropertyName("saturation")]
    public double Saturation { get; init; } = 10;

    [JsonPropertyName("minimumWords")]
    public int MinimumWords { get; init; } = 60;

    /// <summary>An article whose score reaches this counts as tense for the tension index.</summary>
    [JsonPropertyName("tenseThreshold")]
    public double TenseThreshold { get; init; } = 25;

    [JsonPropertyName("categories")]
    public required IReadOnlyList<TensionCategory> Categories { get; init; }
}

/// <summary>A group of terms that signal one kind of tension, e.g. "war-threats" or "violence".</summary>
public sealed record TensionCategory
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("kind")]
    [JsonConverter(typeof(JsonStringEnumConverter<TensionKind>))]
    public required TensionKind Kind { get; init; }

    /// <summary>Phrase → weight, matched like topic terms.</summary>
    [JsonPropertyName("terms")]
    public required IReadOnlyDictionary<string, double> Terms { get; init; }
}

/// <summary>Caldara and Iacoviello keep threats (words about what may happen) apart from acts (what happened).</summary>
public enum TensionKind
{
    Threat,
    Act,
}

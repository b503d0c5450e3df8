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

    /// <summary>Cues that make a following term not count ("no threat of war", "ruled out sanctions").</summary>
    [JsonPropertyName("negation")]
    public TensionNegation Negation { get; init; } = new();
}

/// <summary>
/// A term is negated when a cue ends at most <see cref="Window"/> words before it in the same clause (no
/// sentence end or punctuation in between): "denied plans to attack", "Srbija neće uvoditi sankcije".
/// </summary>
public sealed record TensionNegation
{
    [JsonPropertyName("window")]
    public int Window { get; init; } = 4;

    /// <summary>Words and phrases that negate or deny what follows, matched like terms.</summary>
    [JsonPropertyName("cues")]
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>
    /// Cues that are other words in a language (primary subtag → cues): Albanian "në" (in) folds to "ne",
    /// Serbian/Croatian/Bosnian "no" means "but".
    /// </summary>
    [JsonPropertyName("notCuesIn")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> NotCuesIn { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Phrases that begin with a cue but affirm ("not only", "ne samo"): the cue inside them does not count.</summary>
    [JsonPropertyName("notNegations")]
    public IReadOnlyList<string> NotNegations { get; init; } = [];
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

using System.Text.Json.Serialization;

namespace Monitoring.Core.Enrichment.Topics;

/// <summary>
/// One topic of <c>topics.json</c>. The topic is assigned when the weights of the rules that match add up
/// to <see cref="Threshold"/>; each rule counts once however often it matches, so long articles are not favoured.
/// </summary>
public sealed record TopicDefinition
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("threshold")]
    public double Threshold { get; init; } = 2;

    /// <summary>Phrase → weight. Words are matched by stem; a trailing * matches a prefix ("protest*").</summary>
    [JsonPropertyName("terms")]
    public IReadOnlyDictionary<string, double> Terms { get; init; } = new Dictionary<string, double>();

    /// <summary>Rules that match only when every one of their phrases occurs in the article.</summary>
    [JsonPropertyName("allOf")]
    public IReadOnlyList<AllOfRule> AllOf { get; init; } = [];

    /// <summary>Phrases that veto the topic (a football "derby" is no ethnic tension).</summary>
    [JsonPropertyName("noneOf")]
    public IReadOnlyList<string> NoneOf { get; init; } = [];
}

public sealed record AllOfRule
{
    [JsonPropertyName("terms")]
    public required IReadOnlyList<string> Terms { get; init; }

    [JsonPropertyName("weight")]
    public double Weight { get; init; } = 1;
}

/// <summary>The root of <c>topics.json</c>.</summary>
public sealed record TopicCatalogue
{
    [JsonPropertyName("topics")]
    public required IReadOnlyList<TopicDefinition> Topics { get; init; }
}

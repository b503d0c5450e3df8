using Monitoring.Core.Articles;

namespace Monitoring.Core.Enrichment;

/// <summary>An article with the tags the enricher gave it; this is what the search engines index.</summary>
public sealed record EnrichedArticle(Article Article, ArticleTags Tags)
{
    public ArticleId Id => Article.Id;
}

/// <summary>Everything enrichment found, each with the evidence that explains it.</summary>
public sealed record ArticleTags
{
    public static ArticleTags None { get; } = new();

    public IReadOnlyList<CountryTag> Countries { get; init; } = [];

    public IReadOnlyList<TopicTag> Topics { get; init; } = [];

    public IReadOnlyList<PersonTag> People { get; init; } = [];

    public TensionScore Tension { get; init; } = TensionScore.Calm;
}

/// <param name="Code">ISO 3166-1 alpha-2, Kosovo is XK.</param>
/// <param name="Name">English short name, for display.</param>
/// <param name="Mentions">How often the country was referred to.</param>
/// <param name="Evidence">The surface forms that matched, e.g. "Belgrade", "Serbian".</param>
public sealed record CountryTag(string Code, string Name, int Mentions, IReadOnlyList<string> Evidence)
{
    /// <summary>
    /// True when the story is mainly about this country (title, lead, frequency), not merely mentioning it.
    /// Every tag is a mention; some are also "about".
    /// </summary>
    public bool IsAbout { get; init; }
}

/// <param name="Id">Stable topic id from the taxonomy, e.g. "military-cooperation".</param>
/// <param name="Label">Display label, e.g. "Military cooperation".</param>
/// <param name="Score">Sum of the weights of the rules that matched.</param>
/// <param name="Evidence">The terms that matched.</param>
public sealed record TopicTag(string Id, string Label, double Score, IReadOnlyList<string> Evidence);

/// <param name="Name">Full name as first written, e.g. "Sergei Shoigu".</param>
/// <param name="Mentions">How often the person was referred to (surname-only mentions included).</param>
public sealed record PersonTag(string Name, int Mentions)
{
    /// <summary>The country the person acts for, when known (ISO 3166-1 alpha-2).</summary>
    public string? CountryCode { get; init; }
}

/// <param name="Value">0 (calm) to 100 (open conflict).</param>
/// <param name="Evidence">The lexicon terms that contributed, with their counts.</param>
public sealed record TensionScore(double Value, IReadOnlyList<TensionEvidence> Evidence)
{
    public static TensionScore Calm { get; } = new(0, []);

    /// <summary>
    /// Whether the article counts as tense for the tension index (the share of a country's coverage that
    /// is tense, per period).
    /// </summary>
    public bool IsTense { get; init; }
}

public sealed record TensionEvidence(string Term, double Weight, int Count);

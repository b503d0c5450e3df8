namespace Monitoring.Core.Search;

/// <summary>What an analyst asks for. Empty filters mean "no restriction".</summary>
public sealed record ArticleQuery
{
    public const int DefaultPageSize = 20;

    /// <summary>
    /// Free text with boolean syntax: AND, OR, NOT (or -term), "exact phrases", (grouping), trailing *.
    /// Null or blank matches everything.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes; an article matches when it is tagged with any of them.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Topic ids; an article matches when it is tagged with any of them.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Inclusive, on the effective date (published, else ingested).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Inclusive, on the effective date (published, else ingested).</summary>
    public DateOnly? To { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Skip { get; init; }

    public int Take { get; init; } = DefaultPageSize;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}

public enum SearchSort
{
    /// <summary>Best match first; newest first when there is no text.</summary>
    Relevance,
    Newest,
    Oldest,
}

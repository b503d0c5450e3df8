using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Search;

public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets)
{
    public static SearchResult Empty { get; } = new(0, [], SearchFacets.Empty);
}

/// <param name="Snippets">Passages of the body (or title) around the matched terms.</param>
public sealed record SearchHit(EnrichedArticle Article, double Score, IReadOnlyList<Snippet> Snippets);

/// <summary>
/// A highlighted passage as plain parts, so that no engine's markup ever reaches a page unencoded.
/// </summary>
public sealed record Snippet(IReadOnlyList<SnippetPart> Parts)
{
    public string PlainText => string.Concat(Parts.Select(part => part.Text));
}

public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>Counts over all articles matching the query (not only the page shown), highest first.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Countries,
    IReadOnlyList<FacetCount> Topics,
    IReadOnlyList<FacetCount> Sources,
    IReadOnlyList<FacetCount> Languages)
{
    public static SearchFacets Empty { get; } = new([], [], [], []);
}

public sealed record FacetCount(string Value, long Count);

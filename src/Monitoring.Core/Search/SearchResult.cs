using Monitoring.Core.Enrichment;
using Monitoring.Core.Search.Names;

namespace Monitoring.Core.Search;

/// <param name="Total">Every article matching the query (text and all filters), exactly.</param>
public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets)
{
    public static SearchResult Empty { get; } = new(0, [], SearchFacets.Empty);

    /// <summary>
    /// Pass as <c>ArticleQuery.Cursor</c> to get the page after this one; null when no hit follows this
    /// page. Set whether or not this page was itself reached by a cursor.
    /// </summary>
    public string? NextCursor { get; init; }

    /// <summary>
    /// Distinct stories among all matching articles (not only this page): an article counts under its
    /// <c>Article.StoryId</c>, or its own id when it starts a story, so wire copies carried by several
    /// outlets count once. Exact in the Lucene engine; approximate in the Elasticsearch engine above its
    /// precision threshold (docs/search.md).
    /// </summary>
    public long DistinctStories { get; init; }

    /// <summary>
    /// Distinct <c>Article.Source</c> values among all matching articles (not only this page), with every
    /// filter applied (unlike the disjunctive source facet). Exactness as for <see cref="DistinctStories"/>.
    /// </summary>
    public long DistinctSources { get; init; }

    /// <summary>
    /// The other names of typed places, countries and people that the search also matched (see
    /// <c>ArticleQuery.ExpandNames</c>), for "also searching: …" under the search box; empty when none.
    /// </summary>
    public IReadOnlyList<NameExpansion> NameExpansions { get; init; } = [];
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

/// <summary>
/// Counts of articles per value, highest first, ties by ordinal value, at most 50 per facet.
/// Facets are <b>disjunctive</b>: each facet counts the articles matching the query with every filter
/// except its own (the country facet ignores <c>ArticleQuery.Countries</c>, the topic facet ignores
/// <c>Topics</c>, and so on), so that after choosing one country the other countries stay listed with
/// the counts they would add. A facet whose filter is empty therefore counts exactly the matching
/// articles. Query text (including country: in the text) always applies.
/// </summary>
/// <param name="Countries">Country codes, in the sense of <c>ArticleQuery.CountryMode</c>.</param>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Countries,
    IReadOnlyList<FacetCount> Topics,
    IReadOnlyList<FacetCount> Sources,
    IReadOnlyList<FacetCount> Languages)
{
    public static SearchFacets Empty { get; } = new([], [], [], []);

    /// <summary><c>PersonTag.Name</c> values.</summary>
    public IReadOnlyList<FacetCount> People { get; init; } = [];

    /// <summary>Outlet countries (<c>ArticleOutlet.Country</c>), distinct from <see cref="Countries"/>, what articles are about.</summary>
    public IReadOnlyList<FacetCount> OutletCountries { get; init; } = [];

    /// <summary>Outlet kinds, as <c>OutletKinds.Key</c> values.</summary>
    public IReadOnlyList<FacetCount> OutletKinds { get; init; } = [];

    /// <summary>Outlet group ids; an article counts under each group of its outlet.</summary>
    public IReadOnlyList<FacetCount> OutletGroups { get; init; } = [];
}

public sealed record FacetCount(string Value, long Count);

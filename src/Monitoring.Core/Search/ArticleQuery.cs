using Monitoring.Core.Articles;

namespace Monitoring.Core.Search;

/// <summary>
/// What an analyst asks for. Empty filters mean "no restriction". Values within one filter are OR-ed
/// (any of these countries), different filters are AND-ed (these countries and these topics). Filters
/// never change relevance scores.
/// </summary>
public sealed record ArticleQuery
{
    public const int DefaultPageSize = 20;

    /// <summary>The time zone dates are read in unless a query says otherwise: where the product's readers are.</summary>
    public const string DefaultTimeZone = "Europe/Belgrade";

    /// <summary>
    /// Free text in the analyst syntax documented in docs/search.md: words (AND between them), AND, OR,
    /// NOT, +word, -word, "exact phrases", "words near"~5, prefix*, ( ) groups and the fields
    /// title:, country:, about:, topic:, source:, person:, language:. Null or blank matches everything.
    /// Text that does not parse makes the engine throw <c>InvalidQueryException</c> (an <see cref="ArgumentException"/>).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// ISO 3166-1 alpha-2 codes, any case; an article matches when it is tagged with any of them, in the
    /// sense chosen by <see cref="CountryMode"/>.
    /// </summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>
    /// Whether <see cref="Countries"/> (and the country facet) use every country tag or only the tags
    /// with <c>CountryTag.IsAbout</c>.
    /// </summary>
    public CountryMode CountryMode { get; init; } = CountryMode.Mentioned;

    /// <summary>Topic ids; an article matches when it is tagged with any of them.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>
    /// People as <c>PersonTag.Name</c> values (exact, as the people facet lists them); an article matches
    /// when it is tagged with any of them.
    /// </summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary><c>Article.Source</c> values (exact); an article matches when it comes from any of them.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>ISO 639-1 codes, any case.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>
    /// Countries of the outlets (<c>ArticleOutlet.Country</c>: where the publisher is based, not what the article is
    /// about), ISO 3166-1 alpha-2 codes, any case; an article matches when its outlet is from any of them.
    /// </summary>
    public IReadOnlyList<string> OutletCountries { get; init; } = [];

    /// <summary>Outlet kinds as <c>OutletKinds.Key</c> values ("public-broadcaster"), any case.</summary>
    public IReadOnlyList<string> OutletKinds { get; init; } = [];

    /// <summary>Outlet group ids ("3"); an article matches when its outlet is in any of them.</summary>
    public IReadOnlyList<string> OutletGroups { get; init; } = [];

    /// <summary>Inclusive first day, a calendar date in <see cref="TimeZone"/> on the <see cref="DateBasis"/>.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Inclusive last day, a calendar date in <see cref="TimeZone"/> on the <see cref="DateBasis"/>.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Which instant of an article <see cref="From"/>, <see cref="To"/> and the date histogram read.</summary>
    public DateBasis DateBasis { get; init; } = DateBasis.Published;

    /// <summary>
    /// IANA id of the time zone that turns instants into calendar dates, for the date range and the
    /// histogram buckets (which start at local midnight, DST included). Default Europe/Belgrade.
    /// </summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    /// <summary>Inclusive lower bound on <c>TensionScore.Value</c> (0–100).</summary>
    public double? MinTension { get; init; }

    /// <summary>Inclusive upper bound on <c>TensionScore.Value</c> (0–100).</summary>
    public double? MaxTension { get; init; }

    /// <summary>
    /// Only the articles of one story: the article with this id and every article whose
    /// <c>Article.StoryId</c> is this id.
    /// </summary>
    public ArticleId? StoryId { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>
    /// Whether a word or quoted phrase of <see cref="Text"/> that is a whole name of a place, country or person
    /// also finds its other names, in the region's languages and scripts: Beograd finds Belgrade and Beogradi,
    /// Šojgu finds Shoigu. Prefixes, wildcards and phrases with a slop are never expanded. Default on.
    /// </summary>
    public bool ExpandNames { get; init; } = true;

    /// <summary>Hits to pass over, for shallow pages. Ignored when <see cref="Cursor"/> is set.</summary>
    public int Skip { get; init; }

    public int Take { get; init; } = DefaultPageSize;

    /// <summary>
    /// <c>SearchResult.NextCursor</c> of the previous page of the same query (same text, filters and sort):
    /// the page then starts right after the last hit of that page, however deep. Opaque; engine-specific.
    /// </summary>
    public string? Cursor { get; init; }

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    /// <summary>The date range as instants: [start of From, start of the day after To) in <see cref="TimeZone"/>.</summary>
    /// <exception cref="ArgumentException">The time zone is unknown.</exception>
    public (DateTimeOffset? Start, DateTimeOffset? End) InstantRange()
    {
        var zone = ZonedDates.Find(TimeZone);
        return (
            From is { } from ? ZonedDates.StartOfDay(from, zone) : null,
            To is { } to ? ZonedDates.StartOfDay(to.AddDays(1), zone) : null);
    }
}

public enum SearchSort
{
    /// <summary>Best match first, newer first among equals; newest first when there is no text.</summary>
    Relevance,

    /// <summary>By the <see cref="ArticleQuery.DateBasis"/> instant, latest first.</summary>
    Newest,

    /// <summary>By the <see cref="ArticleQuery.DateBasis"/> instant, earliest first.</summary>
    Oldest,

    /// <summary>Highest <c>TensionScore.Value</c> first, newer first among equals.</summary>
    Tension,
}

public enum CountryMode
{
    /// <summary>Every country tag counts (the article refers to the country).</summary>
    Mentioned,

    /// <summary>Only tags with <c>CountryTag.IsAbout</c> (the story is mainly about the country).</summary>
    About,
}

public enum DateBasis
{
    /// <summary><c>Article.EffectiveDate</c>: published, or ingested when the publication date is unknown.</summary>
    Published,

    /// <summary><c>Article.IngestedAt</c>: when the product took the article in.</summary>
    Ingested,
}

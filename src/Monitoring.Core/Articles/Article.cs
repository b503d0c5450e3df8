namespace Monitoring.Core.Articles;

/// <summary>A cleaned article as the product stores it, before enrichment.</summary>
public sealed record Article
{
    public required ArticleId Id { get; init; }

    public required string Title { get; init; }

    /// <summary>
    /// Body paragraphs in reading order, chrome and boilerplate removed; none for a headline-only article
    /// (<see cref="IsHeadlineOnly"/>).
    /// </summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>A credit line such as "With reporting by AP", kept apart from the body.</summary>
    public string? Credit { get; init; }

    /// <summary>The outlet, e.g. "RFE/RL".</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The country the outlet belongs to (ISO 3166-1 alpha-2, Kosovo XK), when whoever delivered the article
    /// knows it (a configured source, a sidecar, a corpus record); null otherwise. Enrichment uses it as a prior:
    /// an article that names no other country is about its outlet's country (<c>EnrichmentOptions.SourceCountryPrior</c>).
    /// </summary>
    public string? SourceCountry { get; init; }

    /// <summary>
    /// Outlets the item itself cites, e.g. "Reuters, BBC" for a Wikipedia Current events item; null when
    /// the source is the original reporter.
    /// </summary>
    public string? Attribution { get; init; }

    /// <summary>
    /// The story this article belongs to: the id of the first article seen of a group of near-duplicates
    /// (wire copies carried by several outlets). Null when the article is a story of its own.
    /// </summary>
    public ArticleId? StoryId { get; init; }

    /// <summary>ISO 639-1 language code, e.g. "en".</summary>
    public required string Language { get; init; }

    /// <summary>
    /// The outlet's country, kind and groups as the sources store had them when the article was ingested (or last
    /// re-tagged); null when its source is not in the store. Never the countries the article is about.
    /// </summary>
    public ArticleOutlet? Outlet { get; init; }

    public Uri? Url { get; init; }

    /// <summary>When the outlet published it; null when nobody knows (never invented).</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>
    /// The publication date the source gave when it cannot be true (<see cref="PublicationDate.Implausibility"/>:
    /// in the future beyond a tolerance, or before 1900). <see cref="Published"/> is then null. The article is
    /// kept, searchable and shown as flagged, but date histograms leave it out and count it apart
    /// (<c>CoverageTrend.ImplausibleDateCount</c>) rather than chart it on a date nobody published it.
    /// </summary>
    public DateTimeOffset? ImplausiblePublished { get; init; }

    /// <summary>When this product took it in.</summary>
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>True when the publication date is unknown; such articles are charted by ingest date.</summary>
    public bool IsUndated => Published is null;

    /// <summary>True when the source gave a date that cannot be true (<see cref="ImplausiblePublished"/>).</summary>
    public bool HasImplausibleDate => ImplausiblePublished is not null;

    /// <summary>
    /// True when the source sent a title and no text (a headline feed, a teaser whose page could not be
    /// fetched). Such an article is kept, searched and charted by its title, tagged from its title alone,
    /// and shown as headline only. Derived from <see cref="Paragraphs"/>, so it cannot disagree with them.
    /// </summary>
    public bool IsHeadlineOnly => Paragraphs.Count == 0;

    /// <summary>The date the article is charted and filtered by: published, else ingested.</summary>
    public DateTimeOffset EffectiveDate => Published ?? IngestedAt;

    /// <summary>The whole body as one text, paragraphs separated by blank lines.</summary>
    public string Body => JoinParagraphs(Paragraphs);

    /// <summary>Paragraphs as one text, as <see cref="Body"/> gives them (for a reader that has only the paragraphs).</summary>
    public static string JoinParagraphs(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}

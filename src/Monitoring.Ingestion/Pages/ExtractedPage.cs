namespace Monitoring.Ingestion.Pages;

/// <summary>
/// What <see cref="ArticlePageExtractor"/> found in one HTML page. When the page was refused or could not be
/// read, <see cref="Error"/> says why and the other fields are empty; nothing is thrown for bad input.
/// </summary>
public sealed record ExtractedPage
{
    /// <summary>Why nothing was extracted (too large, binary, no text); null on success.</summary>
    public string? Error { get; init; }

    public bool Succeeded => Error is null;

    /// <summary>The headline, with a trailing or leading " | Site name" removed.</summary>
    public string? Title { get; init; }

    /// <summary>The author line as the page gives it, without a leading "By".</summary>
    public string? Byline { get; init; }

    /// <summary>The outlet's name when the page declares it (og:site_name, JSON-LD publisher).</summary>
    public string? SiteName { get; init; }

    /// <summary>
    /// When the page says it was published, converted to UTC using the offset the page gives; a time
    /// without an offset is taken as UTC. Null when the page gives no date (never invented).
    /// </summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The declared language as an ISO 639-1 code ("en"), lower case; null when undeclared.</summary>
    public string? Language { get; init; }

    /// <summary>The page's declared canonical address (link rel=canonical, og:url), else the address it was read from.</summary>
    public Uri? CanonicalUrl { get; init; }

    /// <summary>Main-text paragraphs in reading order, navigation and boilerplate removed.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The paragraphs as one text separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Paragraphs);

    /// <summary>Why the page came out as it did: which element was chosen and where each field came from.</summary>
    public ExtractionTrace Trace { get; init; } = new();

    internal static ExtractedPage Refused(string reason) => new() { Error = reason };
}

/// <summary>The evidence behind an <see cref="ExtractedPage"/>, for people checking a wrong extraction.</summary>
public sealed record ExtractionTrace
{
    /// <summary>A CSS-like path of the element the main text was taken from, e.g. "body > div#content > article".</summary>
    public string? ContentElement { get; init; }

    public double ContentScore { get; init; }

    /// <summary>
    /// Set when no candidate block was convincing and the text came from elsewhere: "json-ld articleBody",
    /// "densest text block", "feed summary", or when structured data overruled the scoring. Null when the
    /// best-scoring block was kept.
    /// </summary>
    public string? Fallback { get; init; }

    /// <summary>The best-scoring candidate blocks, best first.</summary>
    public IReadOnlyList<ContentCandidate> Candidates { get; init; } = [];

    /// <summary>Where each metadata field came from, e.g. "title" → "json-ld headline".</summary>
    public IReadOnlyDictionary<string, string> FieldSources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>One block considered as the main text, with the parts of its score.</summary>
public sealed record ContentCandidate(string Element, double Score, double TextScore, double LinkDensity, double HintBonus, int TextLength);

using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Core.Articles;
using Monitoring.Core.Validation;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// An article as senders describe it: the JSON of the push API, of NDJSON imports, and what feed
/// polling makes of a feed item. Either <see cref="Text"/> or <see cref="Html"/> carries the body. What
/// makes one valid is decided by <see cref="ArticleNormaliser"/>.
/// </summary>
public sealed record IncomingArticle
{
    /// <summary>Longest title kept as sent; anything longer is a body sent in the wrong field, and is shortened.</summary>
    public const int MaxTitleLength = 1_000;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Title { get; init; }

    /// <summary>Plain text; paragraphs separated by blank lines.</summary>
    public string? Text { get; init; }

    /// <summary>HTML of the body, reduced to text during normalisation (scripts and styles dropped).</summary>
    public string? Html { get; init; }

    /// <summary>The article's absolute http(s) URL, if it has one.</summary>
    public string? Url { get; init; }

    /// <summary>The outlet, e.g. "Balkan Insight".</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The outlet's country, ISO 3166-1 alpha-2 ("RS"): a configured source's country, or what the sender says.
    /// Enrichment takes it for the country of an article that names none (<c>Enrichment:SourceCountryPrior</c>).
    /// </summary>
    public string? SourceCountry { get; init; }

    /// <summary>ISO 639-1 code; <see cref="ArticleSidecar.DefaultLanguage"/> when absent.</summary>
    public string? Language { get; init; }

    /// <summary>RFC 822 or ISO 8601; without a zone the time is taken as UTC.</summary>
    public string? Published { get; init; }

    /// <summary>A byline or credit line, kept apart from the body.</summary>
    public string? Credit { get; init; }

    /// <summary>Outlets the item itself cites ("Reuters, BBC"), when the source is not the original reporter.</summary>
    public string? Attribution { get; init; }

    /// <summary>
    /// True when <see cref="Url"/> is a page holding many items (a portal, a live blog), so it does not
    /// identify the article: the id then comes from source, title and text.
    /// </summary>
    public bool UrlShared { get; init; }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

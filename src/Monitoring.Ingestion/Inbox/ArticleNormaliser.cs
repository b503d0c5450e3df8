using System.Text;
using System.Text.Json;
using Monitoring.Core.Articles;

namespace Monitoring.Ingestion.Inbox;

/// <summary>An inbox item made into an article, with the key deduplication compares.</summary>
/// <param name="ContentKey">Hash of the normalised title and body, whatever the source.</param>
/// <param name="Warning">Something a reader of the source's health should know, e.g. an implausible date.</param>
public sealed record NormalisedArticle(Article Article, string ContentKey, Uri? CanonicalUrl, string? Warning);

/// <summary>
/// Turns the bytes of an inbox item into a clean <see cref="Article"/>: strict UTF-8, valid JSON, valid
/// fields, body reduced to text, canonical URL, date in UTC. Anything else is a reason for quarantine.
/// </summary>
public static class ArticleNormaliser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The article, or null with the reason it cannot become one.</returns>
    public static NormalisedArticle? TryNormalise(byte[] payload, int maxBytes, DateTimeOffset now, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > maxBytes)
        {
            reason = $"item is {payload.Length:N0} bytes, over the limit of {maxBytes:N0} (Ingestion:MaxItemBytes)";
            return null;
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(payload);
        }
        catch (DecoderFallbackException ex)
        {
            reason = $"not valid UTF-8 (byte {ex.Index})";
            return null;
        }

        IncomingArticle? incoming;
        try
        {
            incoming = JsonSerializer.Deserialize<IncomingArticle>(json, IncomingArticle.Json);
        }
        catch (JsonException ex)
        {
            reason = $"not a JSON article ({ex.Message})";
            return null;
        }

        if (incoming is null)
        {
            reason = "not a JSON article (null)";
            return null;
        }

        return TryNormalise(incoming, now, out reason);
    }

    public static NormalisedArticle? TryNormalise(IncomingArticle incoming, DateTimeOffset now, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var errors = incoming.Validate();
        if (errors.Count > 0)
        {
            reason = string.Join("; ", errors);
            return null;
        }

        var title = HtmlText.ToPlainText(incoming.Title!);
        var rawBody = string.IsNullOrWhiteSpace(incoming.Html) ? incoming.Text! : incoming.Html;
        var paragraphs = HtmlText.LooksLikeHtml(rawBody) ? HtmlText.ToParagraphs(rawBody) : PlainParagraphs(rawBody);
        if (title.Length == 0 || paragraphs.Count == 0)
        {
            reason = title.Length == 0 ? "title is empty once markup is removed" : "text is empty once markup is removed";
            return null;
        }

        var source = HtmlText.ToPlainText(incoming.Source!);
        var body = string.Join("\n\n", paragraphs);
        CanonicalUrl.TryNormalise(incoming.Url, null, out var url);

        string? warning = null;
        DateTimeOffset? implausible = null;
        var published = PublicationDate.Parse(incoming.Published);
        if (published is { } date && PublicationDate.Implausibility(date, now) is { } why)
        {
            // Kept and searchable, flagged on the article; histograms leave it out and count it apart.
            warning = why + "; flagged, not charted";
            implausible = date;
            published = null;
        }

        var article = new Article
        {
            Id = url is not null && !incoming.UrlShared ? ArticleId.ForUrl(url) : ArticleId.ForContent(source, title, body),
            Title = title,
            Paragraphs = paragraphs,
            Credit = string.IsNullOrWhiteSpace(incoming.Credit) ? null : HtmlText.ToPlainText(incoming.Credit),
            Source = source,
            SourceCountry = string.IsNullOrWhiteSpace(incoming.SourceCountry) ? null : incoming.SourceCountry.Trim().ToUpperInvariant(),
            Attribution = string.IsNullOrWhiteSpace(incoming.Attribution) ? null : HtmlText.ToPlainText(incoming.Attribution),
            Language = string.IsNullOrWhiteSpace(incoming.Language) ? ArticleSidecar.DefaultLanguage : incoming.Language.Trim().ToLowerInvariant(),
            Url = url,
            Published = published,
            ImplausiblePublished = implausible,
            IngestedAt = now,
        };
        reason = null;
        return new NormalisedArticle(article, ContentKeyOf(title, body), incoming.UrlShared ? null : url, warning);
    }

    /// <summary>The same title and body give the same key whichever outlet carried them.</summary>
    public static string ContentKeyOf(string title, string body) => ArticleId.ForContent(string.Empty, title, body).Value;

    private static List<string> PlainParagraphs(string text) =>
        text.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.None)
            .Select(paragraph => string.Join(' ', paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(paragraph => paragraph.Length > 0)
            .ToList();
}

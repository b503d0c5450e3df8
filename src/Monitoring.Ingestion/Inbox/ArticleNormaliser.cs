using System.Text;
using System.Text.Json;
using Monitoring.Core.Articles;
using Monitoring.Core.Validation;

namespace Monitoring.Ingestion.Inbox;

/// <summary>An inbox item made into an article, with the key deduplication compares.</summary>
/// <param name="ContentKey">Hash of the normalised title and body, whatever the source.</param>
/// <param name="Warning">Something a reader of the source's health should know, e.g. an implausible date.</param>
public sealed record NormalisedArticle(Article Article, string ContentKey, Uri? CanonicalUrl, string? Warning);

/// <summary>
/// Turns the bytes of an inbox item into a clean <see cref="Article"/>: strict UTF-8, valid JSON, a title
/// or a text (a headline alone is kept, a text alone gets its first sentence as title), body reduced to
/// text, canonical URL, date in UTC. The one place that decides what is valid: the push API asks
/// <see cref="Validate"/> for its 400s, the inbox job quarantines what <see cref="TryNormalise(byte[], int, DateTimeOffset, out string?)"/> refuses.
/// </summary>
public static class ArticleNormaliser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

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

    /// <summary>
    /// The article, or null with the reason it cannot become one: only an item with neither title nor text
    /// (once markup is removed) or without a source. Fields that are wrong but not needed are repaired and
    /// the repair is the warning: a date that is no date leaves the article undated, an address that is no
    /// http(s) address leaves it without one, a language that is no ISO 639 code leaves it to detection, and
    /// an overlong title is shortened.
    /// </summary>
    public static NormalisedArticle? TryNormalise(IncomingArticle incoming, DateTimeOffset now, out string? reason)
    {
        var result = Normalise(incoming, now);
        reason = result.Errors.Count == 0 ? null : string.Join("; ", result.Errors);
        return result.Article;
    }

    /// <summary>
    /// What the push API answers 400 for, field by field: everything <see cref="TryNormalise(IncomingArticle, DateTimeOffset, out string?)"/>
    /// would refuse or have to repair, so a sender learns of a wrong field at once instead of finding it
    /// dropped. Empty when the item becomes an article as sent.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(IncomingArticle incoming, DateTimeOffset now)
    {
        var result = Normalise(incoming, now);
        return [.. result.Errors, .. result.Repairs];
    }

    private static (NormalisedArticle? Article, List<FieldError> Errors, List<FieldError> Repairs) Normalise(IncomingArticle incoming, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        incoming = WithoutControlCharacters(incoming);
        var errors = new List<FieldError>();
        var repairs = new List<FieldError>();
        var title = string.IsNullOrWhiteSpace(incoming.Title) ? string.Empty : HtmlText.ToPlainText(incoming.Title);
        var rawBody = !string.IsNullOrWhiteSpace(incoming.Html) ? incoming.Html : incoming.Text ?? string.Empty;
        var paragraphs = HtmlText.LooksLikeHtml(rawBody) ? HtmlText.ToParagraphs(rawBody) : PlainParagraphs(rawBody);
        if (title.Length == 0 && paragraphs.Count == 0)
        {
            var sentNothing = string.IsNullOrWhiteSpace(incoming.Title) && string.IsNullOrWhiteSpace(incoming.Text) && string.IsNullOrWhiteSpace(incoming.Html);
            errors.Add(new("title", sentNothing ? "is required when there is no text (or html)" : "and text are both empty once markup is removed"));
        }

        if (string.IsNullOrWhiteSpace(incoming.Source) || HtmlText.ToPlainText(incoming.Source).Length == 0)
        {
            errors.Add(new("source", "is required"));
        }

        if (errors.Count > 0)
        {
            return (null, errors, repairs);
        }

        if (title.Length == 0)
        {
            title = TitleFromText.FirstSentence(paragraphs[0]);
        }
        else if (title.Length > IncomingArticle.MaxTitleLength)
        {
            repairs.Add(new("title", $"is longer than {IncomingArticle.MaxTitleLength} characters; shortened to its first sentence"));
            title = TitleFromText.FirstSentence(title);
        }

        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(incoming.Url) && !CanonicalUrl.TryNormalise(incoming.Url, null, out url))
        {
            repairs.Add(new("url", $"'{incoming.Url}' is not an absolute http(s) URL; left out"));
        }

        var language = incoming.Language?.Trim();
        if (!string.IsNullOrEmpty(language) && (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetter)))
        {
            repairs.Add(new("language", $"'{incoming.Language}' is not an ISO 639 code such as \"sr\"; detected instead"));
            language = null;
        }

        var sourceCountry = incoming.SourceCountry?.Trim();
        if (!string.IsNullOrEmpty(sourceCountry) && (sourceCountry.Length != 2 || !sourceCountry.All(char.IsAsciiLetter)))
        {
            repairs.Add(new("sourceCountry", $"'{incoming.SourceCountry}' is not an ISO 3166 alpha-2 code such as \"RS\"; left out"));
            sourceCountry = null;
        }

        var published = PublicationDate.Parse(incoming.Published);
        if (!string.IsNullOrWhiteSpace(incoming.Published) && published is null)
        {
            repairs.Add(new("published", $"'{incoming.Published}' is not an RFC 822 or ISO 8601 date; kept undated"));
        }

        var warnings = repairs.Select(repair => repair.ToString()).ToList();
        DateTimeOffset? implausible = null;
        if (published is { } date && PublicationDate.Implausibility(date, now) is { } why)
        {
            // Kept and searchable, flagged on the article; histograms leave it out and count it apart.
            warnings.Add(why + "; flagged, not charted");
            implausible = date;
            published = null;
        }

        var source = HtmlText.ToPlainText(incoming.Source!);
        var body = string.Join("\n\n", paragraphs);
        var article = new Article
        {
            Id = url is not null && !incoming.UrlShared ? ArticleId.ForUrl(url) : ArticleId.ForContent(source, title, body),
            Title = title,
            Paragraphs = paragraphs,
            Credit = string.IsNullOrWhiteSpace(incoming.Credit) ? null : HtmlText.ToPlainText(incoming.Credit),
            Source = source,
            SourceCountry = string.IsNullOrEmpty(sourceCountry) ? null : sourceCountry.ToUpperInvariant(),
            Attribution = string.IsNullOrWhiteSpace(incoming.Attribution) ? null : HtmlText.ToPlainText(incoming.Attribution),
            Language = string.IsNullOrEmpty(language) ? ArticleSidecar.DefaultLanguage : language.ToLowerInvariant(),
            Url = url,
            Published = published,
            ImplausiblePublished = implausible,
            IngestedAt = now,
        };

        // A bare headline is weak evidence of sameness ("Live updates", "In brief"): with an address, the
        // address takes part in its content key, so two outlets' equal headlines stay two articles.
        var contentKey = paragraphs.Count == 0 && url is not null && !incoming.UrlShared
            ? ContentKeyOf(title, url.AbsoluteUri)
            : ContentKeyOf(title, body);
        var warning = warnings.Count == 0 ? null : string.Join("; ", warnings);
        return (new NormalisedArticle(article, contentKey, incoming.UrlShared ? null : url, warning), errors, repairs);
    }

    /// <summary>
    /// JSON may escape any character, so "\u0000" arrives as a NUL: no text means one, PostgreSQL refuses it in
    /// text, and a terminal or an export chokes on it. NUL and the other C0 controls (tabs and line breaks
    /// aside) and DEL are removed from every field before anything else looks at them.
    /// </summary>
    private static IncomingArticle WithoutControlCharacters(IncomingArticle incoming) => incoming with
    {
        Title = Clean(incoming.Title),
        Text = Clean(incoming.Text),
        Html = Clean(incoming.Html),
        Url = Clean(incoming.Url),
        Source = Clean(incoming.Source),
        Language = Clean(incoming.Language),
        Published = Clean(incoming.Published),
        Credit = Clean(incoming.Credit),
        Attribution = Clean(incoming.Attribution),
        SourceCountry = Clean(incoming.SourceCountry),
    };

    private static string? Clean(string? text) =>
        text is null || !text.AsSpan().ContainsAny(ControlCharacters) ? text : string.Concat(text.Where(character => !ControlCharacters.Contains(character)));

    /// <summary>The same title and body give the same key whichever outlet carried them.</summary>
    public static string ContentKeyOf(string title, string body) => ArticleId.ForContent(string.Empty, title, body).Value;

    private static List<string> PlainParagraphs(string text) =>
        text.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.None)
            .Select(Whitespace.Collapse)
            .Where(paragraph => paragraph.Length > 0)
            .ToList();
}

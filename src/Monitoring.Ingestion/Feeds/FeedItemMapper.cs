using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.Feeds;

/// <summary>
/// The one mapping from a feed item to an <see cref="IncomingArticle"/>, for polled feeds and imported feed
/// files alike. It keeps whatever the item carries and judges nothing: whether the result is an article is
/// the normaliser's call (<see cref="ArticleNormaliser"/>).
/// </summary>
public static class FeedItemMapper
{
    /// <param name="item">The item as parsed.</param>
    /// <param name="source">The outlet: the source's name, or the feed's title for a file.</param>
    /// <param name="feedLanguage">The feed's own language (channel language or xml:lang).</param>
    /// <param name="fallbackLanguage">The language configured for the source, used when the feed states none.</param>
    /// <param name="zone">The source's time zone, for dates written without one.</param>
    public static IncomingArticle ToIncoming(FeedItem item, string source, string? feedLanguage = null, string? fallbackLanguage = null, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(source);
        return new IncomingArticle
        {
            Title = item.Title,
            Html = BodyOf(item),
            Url = item.Link is { Scheme: "http" or "https" } link ? link.AbsoluteUri : null, // tag: and urn: ids are no pages
            Source = source,
            Language = LanguageCode(item.Language) ?? LanguageCode(feedLanguage) ?? LanguageCode(fallbackLanguage),
            Published = Published(item, zone)?.ToString("O", CultureInfo.InvariantCulture),
            Credit = item.Author,
        };
    }

    /// <summary>
    /// The fullest text the item carries that is more than markup: content:encoded or Atom content, else the
    /// description or summary, else media:description (YouTube-style Atom) or itunes:summary.
    /// </summary>
    public static string? BodyOf(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new[] { item.Content, item.Summary, item.MediaDescription }
            .FirstOrDefault(text => !string.IsNullOrWhiteSpace(text) && HtmlText.ToPlainText(text).Length > 0);
    }

    /// <summary>The item's date, read in the source's zone when the feed gives none; null when it is no date.</summary>
    public static DateTimeOffset? Published(FeedItem item, TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (zone is null || item.Published is not { } asUtc)
        {
            return item.Published;
        }

        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(asUtc.UtcDateTime, DateTimeKind.Unspecified));
        return PublicationDate.Parse(item.PublishedText, offset);
    }

    /// <summary>Feeds write "en-us", "sr-Latn-RS" or "EN"; articles carry the two- or three-letter language.</summary>
    public static string? LanguageCode(string? tag)
    {
        var code = tag?.Trim().Split('-', '_')[0];
        return code is { Length: 2 or 3 } && code.All(char.IsAsciiLetter) ? code.ToLowerInvariant() : null;
    }
}

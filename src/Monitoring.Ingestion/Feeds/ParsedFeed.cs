namespace Monitoring.Ingestion.Feeds;

/// <summary>What a feed says about itself and its items, links resolved, text as published.</summary>
/// <param name="Format">"rss" (0.9x and 2.0), "rdf" (RSS 0.90 and 1.0) or "atom".</param>
/// <param name="Error">
/// Set when the document broke off (malformed XML after some items): the items before the break are
/// kept, and the error says where it broke.
/// </param>
public sealed record ParsedFeed(
    string Format,
    string? Title,
    Uri? Link,
    string? Description,
    string? Language,
    IReadOnlyList<FeedItem> Items,
    string? Error = null);

/// <summary>One item or entry.</summary>
public sealed record FeedItem
{
    public string? Title { get; init; }

    /// <summary>The item's page, resolved against xml:base and the feed's address.</summary>
    public Uri? Link { get; init; }

    /// <summary>guid, Atom id or rdf:about.</summary>
    public string? Id { get; init; }

    /// <summary>The date as written (pubDate, dc:date, Atom published or updated).</summary>
    public string? PublishedText { get; init; }

    /// <summary><see cref="PublishedText"/> as UTC, null when it is no date.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>dc:creator, author, or Atom author name.</summary>
    public string? Author { get; init; }

    /// <summary>RSS description or Atom summary, usually HTML.</summary>
    public string? Summary { get; init; }

    /// <summary>content:encoded or Atom content, usually HTML: the fullest text the feed carries.</summary>
    public string? Content { get; init; }

    /// <summary>
    /// media:description (YouTube-style Atom puts an entry's whole text there) or itunes:summary: the
    /// text of an item that has neither description nor content.
    /// </summary>
    public string? MediaDescription { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>enclosure, media:content and media:thumbnail addresses.</summary>
    public IReadOnlyList<Uri> Media { get; init; } = [];

    /// <summary>xml:lang of the item, or the feed's language.</summary>
    public string? Language { get; init; }
}

using Monitoring.Core.Articles;

namespace Monitoring.Ingestion.Sources;

/// <summary>
/// A feed editors follow, with its polling schedule and its health as of the last poll. Stored in the
/// ingestion database beside the inbox; edited through <see cref="FeedSourceCatalog"/>, polled by
/// <see cref="FeedPollJob"/>.
/// </summary>
public sealed class FeedSource
{
    /// <summary>Shortest polling interval: the dispatcher runs once a minute.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>Longest polling interval; a feed polled less than daily misses items that scroll off.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromDays(1);

    public int Id { get; set; }

    /// <summary>The outlet as readers know it, e.g. "Balkan Insight"; becomes each article's source.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The absolute http(s) address of the RSS or Atom document; null for an outlet whose articles arrive another way
    /// (push API, imports, seeds): it carries outlet data for them and is never polled.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>ISO 639-1 code used for items that declare no language, e.g. "sr".</summary>
    public string? Language { get; set; }

    /// <summary>ISO 3166 alpha-2 code of the outlet's country (XK for Kosovo); a hint, not a tag.</summary>
    public string? Country { get; set; }

    /// <summary>ISO 639 codes of the languages the outlet publishes in, lower-case, e.g. ["sr", "en"].</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>What kind of outlet it is; null when editors have not said.</summary>
    public OutletKind? Kind { get; set; }

    /// <summary>IANA zone (e.g. "Europe/Belgrade") in which item dates without an offset are read.</summary>
    public string? TimeZone { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>False while paused: the dispatcher skips it; "poll now" still works.</summary>
    public bool Enabled { get; set; } = true;

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>When the last poll started, whatever its outcome.</summary>
    public DateTimeOffset? LastFetchAt { get; set; }

    /// <summary>When a poll last got the feed (200 parsed, or 304 not modified).</summary>
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>Why the last poll failed (or read the feed only partly); null after a clean poll.</summary>
    public string? LastError { get; set; }

    /// <summary>Why the last article page fetched for a summary-only item could not be used; null when all worked.</summary>
    public string? LastPageError { get; set; }

    /// <summary>Failed polls in a row; drives the back-off.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>When the dispatcher next polls it; null means at the next dispatch.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>The validator the server sent with the last full answer, returned as If-None-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>The Last-Modified the server sent with the last full answer, returned as If-Modified-Since.</summary>
    public string? LastModified { get; set; }

    /// <summary>New items taken into the inbox by the last poll.</summary>
    public int LastNewItems { get; set; }

    /// <summary>Items the source published (else first seen) over the last 7 days, divided by 7.</summary>
    public double ItemsPerDay { get; set; }

    /// <summary>Median time from publication to searchable over the source's recent indexed items.</summary>
    public TimeSpan? MedianLag { get; set; }

    /// <summary>False for an outlet without a feed address.</summary>
    public bool IsFeed => Url is not null;

    public bool IsDue(DateTimeOffset now) => Enabled && IsFeed && (NextDueAt is null || NextDueAt <= now);
}

/// <summary>
/// An item a source has already delivered, so the next poll hands only new ones to the inbox. Same
/// canonical URL → one article is still the inbox's guarantee; this only saves it the work.
/// </summary>
public sealed class FeedItemRecord
{
    public long Id { get; set; }

    public int SourceId { get; set; }

    /// <summary>The item's canonical URL, else "id:" + its guid, else "text:" + a hash of title and summary.</summary>
    public required string Key { get; set; }

    /// <summary>The inbox item it became; its processing time is when the article became searchable.</summary>
    public long? InboxItemId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset? Published { get; set; }
}

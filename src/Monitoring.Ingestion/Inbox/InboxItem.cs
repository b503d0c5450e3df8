namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// One item as it was accepted (pushed, polled or imported), kept byte for byte so that processing can
/// be retried or audited, with what became of it.
/// </summary>
public sealed class InboxItem
{
    public long Id { get; set; }

    /// <summary>Where it came from: "api", "import:&lt;file&gt;", "feed:&lt;source id&gt;".</summary>
    public required string Channel { get; set; }

    /// <summary>The item as UTF-8 JSON of <see cref="IncomingArticle"/>; may be anything when the sender erred.</summary>
    public required byte[] Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboxItemState State { get; set; }

    /// <summary>The article it became, or the known article it duplicates.</summary>
    public string? ArticleId { get; set; }

    /// <summary>Why it was quarantined, or a warning about an accepted item (e.g. a date in the future).</summary>
    public string? Reason { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}

public enum InboxItemState
{
    /// <summary>Stored, not processed yet.</summary>
    Pending,

    /// <summary>Became a new article, which is searchable.</summary>
    Indexed,

    /// <summary>Same canonical URL or same content as a known article; nothing new was indexed.</summary>
    Duplicate,

    /// <summary>Could not become an article; <see cref="InboxItem.Reason"/> says why.</summary>
    Quarantined,
}

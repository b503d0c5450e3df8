namespace Monitoring.Ingestion.Inbox;

/// <summary>An article ingestion has indexed: what deduplication and story clustering compare against.</summary>
public sealed class KnownArticle
{
    /// <summary>The <see cref="Core.Articles.ArticleId"/> value.</summary>
    public required string Id { get; set; }

    /// <summary>Hash of the normalised title and body, whatever the source: the same text twice is one article.</summary>
    public required string ContentKey { get; set; }

    public string? CanonicalUrl { get; set; }

    public required string Source { get; set; }

    /// <summary>The inbox item it came from.</summary>
    public long InboxItemId { get; set; }

    public DateTimeOffset IndexedAt { get; set; }
}

namespace Monitoring.Alerts;

/// <summary>
/// An article that matched an alert: recorded once per alert and article (a unique key), which is what
/// makes matching safe to repeat after a crash or a retry.
/// </summary>
public sealed class AlertMatch
{
    public long Id { get; set; }

    public Guid AlertId { get; set; }

    public string ArticleId { get; set; } = "";

    /// <summary>The story cluster: <c>Article.StoryId</c>, or the article's own id when it leads its story.</summary>
    public string StoryKey { get; set; } = "";

    /// <summary>When the article became searchable; digests are assembled by this instant.</summary>
    public DateTimeOffset SearchableAt { get; set; }

    public DateTimeOffset MatchedAt { get; set; }

    /// <summary>True when the alert had already matched another article of the same story.</summary>
    public bool RepeatsAStory { get; set; }
}

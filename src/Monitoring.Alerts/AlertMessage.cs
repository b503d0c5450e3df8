using Monitoring.Core.Alerts;

namespace Monitoring.Alerts;

/// <summary>What one delivery says, whatever the channel: an instant article or a digest of stories.</summary>
/// <param name="DeliveryId">Unique per delivery; receivers use it to drop a repeated message.</param>
/// <param name="Period">The digest's hour or day; null for an instant article.</param>
public sealed record AlertMessage(long DeliveryId, Alert Alert, IReadOnlyList<DigestStory> Stories, DigestPeriod? Period, Uri BaseUrl)
{
    public string Subject => Period is null
        ? $"[{Alert.Name}] {Stories[0].Lead.Article.Title}"
        : $"[{Alert.Name}] {Stories.Count} {(Stories.Count == 1 ? "story" : "stories")} ({(Alert.Mode == DeliveryMode.Daily ? "daily" : "hourly")} digest {Period.Key})";

    public Uri ArticleLink(DigestStory story) => new(BaseUrl, ArticlePath(story));

    public static string ArticlePath(DigestStory story) => "articles/" + Uri.EscapeDataString(story.Lead.Id.Value);

    /// <summary>The search page listing everything the alert looks for, newest first.</summary>
    public Uri SearchLink => new(BaseUrl, AlertLinks.SearchPath(Alert).TrimStart('/'));

    /// <summary>One line per story: title, outlets, tension and link.</summary>
    public string PlainText()
    {
        var lines = Stories.Select(story =>
            $"- {story.Lead.Article.Title} ({string.Join(", ", story.Outlets)}; tension {story.Lead.Tags.Tension.Value:0})\n  {ArticleLink(story)}");
        return $"{Subject}\n\n{string.Join("\n", lines)}\n";
    }
}

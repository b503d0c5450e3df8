using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Alerts;
using Monitoring.Core.Enrichment;

namespace Monitoring.Alerts;

/// <summary>The bodies a webhook delivery POSTs: the product's own JSON, or a Slack incoming-webhook message.</summary>
internal static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] For(AlertMessage message) =>
        message.Alert.WebhookFormat == WebhookFormat.Slack ? Slack(message) : Product(message);

    /// <summary>Alert, delivery, period (digests only) and the stories, each with every matched copy.</summary>
    public static byte[] Product(AlertMessage message)
    {
        var body = new WebhookBody(
            message.Period is null ? "instant" : "digest",
            message.DeliveryId,
            new WebhookAlert(message.Alert.Id, message.Alert.Name, message.SearchLink),
            message.Period is { } period ? new WebhookPeriod(period.Key, period.Start, period.End) : null,
            [.. message.Stories.Select(story => new WebhookStory(
                story.Lead.Article.Title,
                story.Outlets,
                Math.Round(story.Lead.Tags.Tension.Value, 1),
                story.Lead.Article.Published,
                message.ArticleLink(story),
                [.. new[] { story.Lead }.Concat(story.Others).Select(Article)]))]);
        return JsonSerializer.SerializeToUtf8Bytes(body, Json);
    }

    /// <summary>
    /// <c>{"text": …}</c> in Slack's mrkdwn: one line per story with a <c>&lt;url|title&gt;</c> link. Slack
    /// reads &amp;, &lt; and &gt; as markup, so every text from an article or the alert has them escaped.
    /// </summary>
    public static byte[] Slack(AlertMessage message)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"*{SlackEscape(message.Subject)}*\n");
        foreach (var story in message.Stories)
        {
            text.Append(CultureInfo.InvariantCulture, $"• <{SlackUrl(message.ArticleLink(story))}|{SlackEscape(story.Lead.Article.Title)}> — {SlackEscape(string.Join(", ", story.Outlets))} · tension {story.Lead.Tags.Tension.Value:0}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"<{SlackUrl(message.SearchLink)}|Everything this alert finds>");
        return JsonSerializer.SerializeToUtf8Bytes(new SlackBody(text.ToString()), Json);
    }

    internal static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    // A '|' would end the URL part of the link early; '<' and '>' are already percent-encoded by Uri.
    private static string SlackUrl(Uri url) => url.AbsoluteUri.Replace("|", "%7C", StringComparison.Ordinal);

    private static WebhookArticle Article(EnrichedArticle article) =>
        new(article.Id.Value, article.Article.Title, article.Article.Source, article.Article.Published, article.Article.Url);

    private sealed record WebhookBody(string Type, long DeliveryId, WebhookAlert Alert, WebhookPeriod? Period, IReadOnlyList<WebhookStory> Stories);

    private sealed record WebhookAlert(Guid Id, string Name, Uri Link);

    private sealed record WebhookPeriod(string Key, DateTimeOffset Start, DateTimeOffset End);

    private sealed record WebhookStory(string Title, IReadOnlyList<string> Outlets, double Tension, DateTimeOffset? Published, Uri Link, IReadOnlyList<WebhookArticle> Articles);

    private sealed record WebhookArticle(string Id, string Title, string Outlet, DateTimeOffset? Published, Uri? Url);

    private sealed record SlackBody(string Text);
}

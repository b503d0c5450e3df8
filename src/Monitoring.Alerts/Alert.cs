using Monitoring.Core.Alerts;

namespace Monitoring.Alerts;

/// <summary>A saved search that tells its owner (and whoever it is shared with) about new matching articles.</summary>
public sealed class Alert
{
    public const int MaxNameLength = 200;
    public const int MaxUserLength = 256;
    public const int MaxAddressListLength = 2000;
    public const int MaxUrlLength = 2000;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The user who created the alert and may change it (stored normalised: <see cref="UserNames"/>).</summary>
    public string Owner { get; set; } = "";

    /// <summary>The saved search (<see cref="SavedQuery"/>) as JSON.</summary>
    public string QueryJson { get; set; } = "{}";

    public DeliveryMode Mode { get; set; } = DeliveryMode.Instant;

    /// <summary>IANA id of the zone whose clock digest hours and days follow.</summary>
    public string TimeZone { get; set; } = Core.Search.ArticleQuery.DefaultTimeZone;

    public DigestOrder DigestOrder { get; set; } = DigestOrder.Tension;

    /// <summary>When on, another outlet's copy of a story this alert already reported is not reported again.</summary>
    public bool NewStoriesOnly { get; set; } = true;

    /// <summary>Deliver to the in-app inbox of the owner and of <see cref="SharedWith"/>.</summary>
    public bool InApp { get; set; } = true;

    /// <summary>Other users (user names, comma-separated, stored normalised: <see cref="UserNames"/>) who get the alert in their in-app inbox.</summary>
    public string? SharedWith { get; set; }

    /// <summary>E-mail addresses, comma-separated; none means no e-mail.</summary>
    public string? EmailRecipients { get; set; }

    /// <summary>Where webhook deliveries are POSTed; none means no webhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The shared secret that signs webhook bodies (<see cref="WebhookSignature"/>).</summary>
    public string? WebhookSecret { get; set; }

    public WebhookFormat WebhookFormat { get; set; } = WebhookFormat.Json;

    public bool Paused { get; set; }

    /// <summary>Until then new matches are not reported (and are not kept for later).</summary>
    public DateTimeOffset? SnoozedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Digests exist for every period ending before this instant (hourly and daily alerts).</summary>
    public DateTimeOffset? DigestedUntil { get; set; }

    public bool IsMuted(DateTimeOffset now) => Paused || SnoozedUntil > now;

    /// <summary>The channels this alert delivers to.</summary>
    public IReadOnlyList<AlertChannel> Channels()
    {
        var channels = new List<AlertChannel>();
        if (InApp)
        {
            channels.Add(AlertChannel.InApp);
        }

        if (!string.IsNullOrWhiteSpace(EmailRecipients))
        {
            channels.Add(AlertChannel.Email);
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl))
        {
            channels.Add(AlertChannel.Webhook);
        }

        return channels;
    }

    /// <summary>The owner and every user the alert is shared with, each once, normalised (<see cref="UserNames"/>).</summary>
    public IReadOnlyList<string> InAppRecipients() =>
        [.. new[] { UserNames.Normalise(Owner) }.Concat(SharedRecipients()).Distinct(UserNames.Comparer)];

    /// <summary>The users the alert is shared with, normalised, without its owner.</summary>
    public IReadOnlyList<string> SharedRecipients() =>
        [.. UserNames.Split(SharedWith).Where(name => !UserNames.Comparer.Equals(name, UserNames.Normalise(Owner)))];

    public IReadOnlyList<string> EmailAddresses() => SplitList(EmailRecipients);

    private static string[] SplitList(string? list) =>
        list?.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

public enum AlertChannel
{
    InApp,
    Email,
    Webhook,
}

public enum WebhookFormat
{
    /// <summary>The product's own JSON: alert, articles, links.</summary>
    Json,

    /// <summary>A Slack incoming-webhook message (<c>text</c> with mrkdwn links).</summary>
    Slack,
}

namespace Monitoring.Alerts;

/// <summary>An alert message in one user's in-app inbox (the bell).</summary>
public sealed class Notification
{
    public const int MaxTitleLength = 500;

    public long Id { get; set; }

    public string Recipient { get; set; } = "";

    public Guid AlertId { get; set; }

    /// <summary>The delivery it came from; unique per recipient, so a retried delivery adds nothing.</summary>
    public long DeliveryId { get; set; }

    public string Title { get; set; } = "";

    public string? Summary { get; set; }

    /// <summary>App-relative link to what the message is about (an article or the alert's search).</summary>
    public string Link { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

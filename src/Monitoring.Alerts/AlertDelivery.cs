namespace Monitoring.Alerts;

/// <summary>
/// One message for one alert on one channel: an instant article or a digest period. Unique per alert,
/// channel and <see cref="Key"/>, so nothing is delivered twice however often matching runs; its state
/// survives restarts, so nothing pending is lost.
/// </summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }

    public Guid AlertId { get; set; }

    public AlertChannel Channel { get; set; }

    /// <summary>The article id of an instant delivery, or the <c>DigestPeriod.Key</c> of a digest.</summary>
    public string Key { get; set; } = "";

    /// <summary>For a digest, the period's bounds; null for an instant delivery.</summary>
    public DateTimeOffset? PeriodStart { get; set; }

    public DateTimeOffset? PeriodEnd { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public bool IsDigest => PeriodStart is not null;
}

public enum DeliveryState
{
    Pending,
    Sent,

    /// <summary>Every attempt failed; <see cref="AlertDelivery.LastError"/> says why.</summary>
    Failed,
}

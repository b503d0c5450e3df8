namespace Monitoring.Alerts;

/// <summary>How far alert matching has read the ingestion inbox (a single row).</summary>
public sealed class AlertScanState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Every inbox item up to this id has been matched (or was no new article).</summary>
    public long LastInboxItemId { get; set; }
}

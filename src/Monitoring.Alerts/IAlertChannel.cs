namespace Monitoring.Alerts;

/// <summary>One way of telling people about an alert's news.</summary>
public interface IAlertChannel
{
    AlertChannel Kind { get; }

    /// <summary>Sends the message; throws when it could not be sent (the delivery is then retried).</summary>
    Task SendAsync(AlertMessage message, CancellationToken cancellationToken);
}

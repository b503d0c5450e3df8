namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// Tests of the pipeline against real receivers on loopback: an SMTP server the harness's e-mail goes to
/// and a webhook receiver for the alerts to point at; each test gets fresh ones.
/// </summary>
public abstract class LoopbackReceiversTests : IAsyncLifetime
{
    /// <param name="allowLoopback">Whether the destination guard lets the channels reach the loopback receivers.</param>
    protected LoopbackReceiversTests(bool allowLoopback = true) => Harness = new(allowLoopback);

    internal AlertsHarness Harness { get; }

    internal LoopbackSmtpServer Smtp { get; private set; } = null!;

    internal LoopbackWebhookReceiver Webhook { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = await LoopbackSmtpServer.StartAsync();
        Webhook = await LoopbackWebhookReceiver.StartAsync();
        Harness.UseSmtp(Smtp);
    }

    public async ValueTask DisposeAsync()
    {
        await Webhook.DisposeAsync();
        await Smtp.DisposeAsync();
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }
}

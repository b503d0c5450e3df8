using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// An alert's owner chooses its webhook URL, so a URL on the machine itself or its private network must not
/// turn the server into the owner's proxy: the destination guard refuses it, and the refusal is the
/// delivery's error. Such an alert can no longer be saved (AlertEditorPageTests), but one saved before the
/// allow-list narrowed can exist: its delivery fails once, for good, since a retry would be refused the same way.
/// </summary>
public sealed class WebhookDestinationTests() : LoopbackReceiversTests(allowLoopback: false)
{
    [Fact]
    public async Task AWebhookOnLoopback_IsRefusedWithoutAnyRequest_AndNotRetried_WhenTheAllowListDoesNotNameIt()
    {
        await MatchAsync(Webhook.Url.AbsoluteUri);

        await Harness.DeliverAsync();

        var delivery = (await Harness.DeliveriesAsync()).Single(delivery => delivery.Channel == AlertChannel.Webhook);
        Assert.Equal((DeliveryState.Failed, 1), (delivery.State, delivery.Attempts));
        Assert.Contains("127.0.0.1 resolves to 127.0.0.1, a loopback, private or reserved address", delivery.LastError, StringComparison.Ordinal);
        Assert.Contains("not retried", delivery.LastError, StringComparison.Ordinal);
        Assert.Empty(Webhook.Requests);

        // Past every retry the schedule would have made: the refusal stays final.
        Harness.Clock.Advance(TimeSpan.FromDays(2));
        await Harness.DeliverAsync();
        delivery = (await Harness.DeliveriesAsync()).Single(delivery => delivery.Channel == AlertChannel.Webhook);
        Assert.Equal((DeliveryState.Failed, 1), (delivery.State, delivery.Attempts));
        Assert.Empty(Webhook.Requests);
    }

    [Fact]
    public async Task AWebhookAtTheCloudMetadataAddress_IsRefused()
    {
        await MatchAsync("http://169.254.169.254/latest/meta-data/");

        await Harness.DeliverAsync();

        var delivery = (await Harness.DeliveriesAsync()).Single(delivery => delivery.Channel == AlertChannel.Webhook);
        Assert.Equal((DeliveryState.Failed, 1), (delivery.State, delivery.Attempts));
        Assert.Contains("169.254.169.254 resolves to 169.254.169.254", delivery.LastError, StringComparison.Ordinal);
    }

    private async Task MatchAsync(string webhookUrl)
    {
        await Harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" }, alert =>
        {
            alert.EmailRecipients = null;
            alert.WebhookUrl = webhookUrl;
        });
        Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Harness.IngestAsync(AlertPipelineTests.DrillStory("https://rts.example/drill", "RTS"));
        await Harness.ScanAsync();
    }
}

using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Inbox;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// Ingest → match → deliver by e-mail to a real SMTP server and by webhook to a real HTTP receiver, both
/// on loopback, next to the in-app inbox; with repeated jobs, restarts, failures and retries.
/// </summary>
public sealed class AlertChannelsEndToEndTests : LoopbackReceiversTests
{
    private const string Secret = "s3cret-shared-with-the-receiver";

    private static readonly Uri DrillLink = new($"http://monitor.test/articles/{ArticleId.ForUrl(new Uri("https://rts.example/drill")).Value}");

    [Fact]
    public async Task AnInstantAlert_FiresExactlyOnceOnEachChannel_HoweverOftenTheJobsRun_AndAcrossARestart()
    {
        var alert = await AddDrillAlertAsync();

        await Harness.IngestAsync(AlertPipelineTests.DrillStory("https://rts.example/drill", "RTS"), AlertPipelineTests.TradeStory());
        await Harness.ScanAsync();
        await Harness.ScanAsync();
        await Harness.DeliverAsync();
        await Harness.DeliverAsync();
        Harness.Restart();
        await Harness.ScanAsync();
        await Harness.DeliverAsync();

        var deliveries = await Harness.DeliveriesAsync();
        Assert.Equal(
            [(AlertChannel.InApp, DeliveryState.Sent, 1), (AlertChannel.Email, DeliveryState.Sent, 1), (AlertChannel.Webhook, DeliveryState.Sent, 1)],
            deliveries.Select(delivery => (delivery.Channel, delivery.State, delivery.Attempts)));
        Assert.Single(await Harness.NotificationsAsync());

        var email = Assert.Single(Smtp.Messages);
        Assert.Equal(["desk@newsroom.example", "night@newsroom.example"], email.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Equal("alerts@monitoring.invalid", email.From.Mailboxes.Single().Address);
        Assert.Equal("[Army drills] Serbian army holds military exercises near Niš", email.Subject);
        Assert.Contains(DrillLink.AbsoluteUri, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{DrillLink.AbsoluteUri}\">Serbian army holds military exercises near Niš</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Croatia and Slovenia", email.TextBody, StringComparison.Ordinal);
        var emailDelivery = deliveries.Single(delivery => delivery.Channel == AlertChannel.Email);
        Assert.Equal($"alert-delivery-{emailDelivery.Id}.{alert.Id:N}@monitor.test", email.MessageId);

        var request = Assert.Single(Webhook.Requests);
        Assert.Equal(("POST", "/hooks/alerts"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Header(WebhookSignature.HeaderName)));
        Assert.False(WebhookSignature.Verify("another secret", request.Body, request.Header(WebhookSignature.HeaderName)));
        var webhookDelivery = deliveries.Single(delivery => delivery.Channel == AlertChannel.Webhook);
        Assert.Equal(webhookDelivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header(WebhookChannel.DeliveryHeader));

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("instant", body.GetProperty("type").GetString());
        Assert.Equal(webhookDelivery.Id, body.GetProperty("deliveryId").GetInt64());
        Assert.Equal(alert.Id, body.GetProperty("alert").GetProperty("id").GetGuid());
        Assert.Equal("Army drills", body.GetProperty("alert").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("period").ValueKind);
        var story = Assert.Single(body.GetProperty("stories").EnumerateArray());
        Assert.Equal("Serbian army holds military exercises near Niš", story.GetProperty("title").GetString());
        Assert.Equal(["RTS"], story.GetProperty("outlets").EnumerateArray().Select(outlet => outlet.GetString()));
        Assert.Equal(DrillLink.AbsoluteUri, story.GetProperty("link").GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 30, 0, TimeSpan.Zero), story.GetProperty("published").GetDateTimeOffset());
        Assert.InRange(story.GetProperty("tension").GetDouble(), 0, 100);
        Assert.Equal("https://rts.example/drill", Assert.Single(story.GetProperty("articles").EnumerateArray()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task ARestartBetweenMatchingAndSending_SendsOneEmailAndOneWebhook()
    {
        await MatchADrillStoryAsync();
        Assert.All(await Harness.DeliveriesAsync(), delivery => Assert.Equal(DeliveryState.Pending, delivery.State));

        Harness.Restart();
        await Harness.ScanAsync();
        await Harness.DeliverAsync();
        await Harness.DeliverAsync();

        Assert.Single(Smtp.Messages);
        Assert.Single(Webhook.Requests);
        Assert.Single(await Harness.NotificationsAsync());
    }

    [Fact]
    public async Task AWebhookAnswering500_IsRetriedOnTheSchedule_ThenMarkedFailedWithItsError()
    {
        Harness.Options.MaxAttempts = 3;
        Harness.Options.FirstRetryDelay = TimeSpan.FromSeconds(30);
        Webhook.Answer = _ => (500, "database is down\n  try later");
        await MatchADrillStoryAsync(alert => alert.EmailRecipients = null);

        await Harness.DeliverAsync();
        var failed = await WebhookDeliveryAsync();
        Assert.Equal((DeliveryState.Pending, 1, Harness.Clock.Now.AddSeconds(30)), (failed.State, failed.Attempts, failed.NextAttemptAt));
        Assert.Equal("The webhook answered 500 Internal Server Error: database is down try later", failed.LastError);

        await Harness.DeliverAsync();
        Harness.Clock.Advance(TimeSpan.FromSeconds(29));
        await Harness.DeliverAsync();
        Assert.Single(Webhook.Requests);

        Harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await Harness.DeliverAsync();
        Assert.Equal(2, Webhook.Requests.Count);
        var second = await WebhookDeliveryAsync();
        Assert.Equal((DeliveryState.Pending, 2, Harness.Clock.Now.AddSeconds(60)), (second.State, second.Attempts, second.NextAttemptAt));

        Harness.Clock.Advance(TimeSpan.FromSeconds(59));
        await Harness.DeliverAsync();
        Assert.Equal(2, Webhook.Requests.Count);
        Harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await Harness.DeliverAsync();
        Harness.Clock.Advance(TimeSpan.FromHours(1));
        await Harness.DeliverAsync();

        Assert.Equal(3, Webhook.Requests.Count);
        var given = await WebhookDeliveryAsync();
        Assert.Equal((DeliveryState.Failed, 3, (DateTimeOffset?)null), (given.State, given.Attempts, given.SentAt));
        Assert.Equal("The webhook answered 500 Internal Server Error: database is down try later", given.LastError);
        Assert.Single(Webhook.Requests.Select(request => request.Header(WebhookChannel.DeliveryHeader)).Distinct());
        Assert.All(Webhook.Requests, request => Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Header(WebhookSignature.HeaderName))));
        Assert.Single(await Harness.NotificationsAsync());
    }

    [Fact]
    public async Task AWebhookThatRecovers_GetsTheDeliveryOnTheRetry_AndNoMore()
    {
        Webhook.Answer = attempt => attempt == 1 ? (503, "") : (204, "");
        await MatchADrillStoryAsync(alert => alert.EmailRecipients = null);

        await Harness.DeliverAsync();
        Assert.Equal("The webhook answered 503 Service Unavailable: (no body)", (await WebhookDeliveryAsync()).LastError);
        Harness.Clock.Advance(Harness.Options.FirstRetryDelay);
        await Harness.DeliverAsync();
        Harness.Clock.Advance(TimeSpan.FromHours(1));
        await Harness.DeliverAsync();

        var sent = await WebhookDeliveryAsync();
        Assert.Equal((DeliveryState.Sent, 2, (string?)null), (sent.State, sent.Attempts, sent.LastError));
        Assert.Equal(2, Webhook.Requests.Count);
        Assert.Equal(Webhook.Requests[0].Body, Webhook.Requests[1].Body);
    }

    [Fact]
    public async Task AWebhookThatDoesNotAnswerInTime_CountsAsAFailure_ToRetry()
    {
        Harness.Options.WebhookTimeout = TimeSpan.FromMilliseconds(300);
        Webhook.Delay = TimeSpan.FromSeconds(10);
        await MatchADrillStoryAsync(alert => alert.EmailRecipients = null);

        await Harness.DeliverAsync();

        var delivery = await WebhookDeliveryAsync();
        Assert.Equal((DeliveryState.Pending, 1), (delivery.State, delivery.Attempts));
        Assert.Equal("The webhook did not answer within 0.3 s.", delivery.LastError);
    }

    [Fact]
    public async Task TheSlackFormat_PostsMrkdwnText_WithLinks_AndTitlesEscapedAsSlackRequires()
    {
        await AddDrillAlertAsync(alert =>
        {
            alert.EmailRecipients = null;
            alert.WebhookFormat = WebhookFormat.Slack;
        });
        await Harness.IngestAsync(HostileTitleStory());
        await Harness.ScanAsync();
        await Harness.DeliverAsync();

        var request = Assert.Single(Webhook.Requests);
        Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Header(WebhookSignature.HeaderName)));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(["text"], body.EnumerateObject().Select(property => property.Name));
        var lines = body.GetProperty("text").GetString()!.Split('\n');
        var link = $"http://monitor.test/articles/{ArticleId.ForUrl(new Uri("https://n1.example/tanks")).Value}";
        Assert.Equal("*[Army drills] Tanks &amp; troops: &lt;script&gt;alert(1)&lt;/script&gt; military exercise near Niš*", lines[0]);
        Assert.Matches($@"^• <{link}\|Tanks &amp; troops: &lt;script&gt;alert\(1\)&lt;/script&gt; military exercise near Niš> — N1 · tension \d+$", lines[1]);
        Assert.StartsWith("<http://monitor.test/search?", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("|Everything this alert finds>", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHtmlEmail_EncodesArticleTitles_WhileThePlainTextKeepsThem()
    {
        await AddDrillAlertAsync(alert => alert.WebhookUrl = null);
        await Harness.IngestAsync(HostileTitleStory());
        await Harness.ScanAsync();
        await Harness.DeliverAsync();

        var email = Assert.Single(Smtp.Messages);
        Assert.Contains(">Tanks &amp; troops: &lt;script&gt;alert(1)&lt;/script&gt; military exercise near Niš</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Tanks & troops: <script>alert(1)</script> military exercise near Niš", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailWithoutAnSmtpHost_FailsWithAClearError_WhileTheOtherChannelsDeliver()
    {
        Harness.Options.Smtp.Host = null;
        await MatchADrillStoryAsync();

        await Harness.DeliverAsync();

        var deliveries = await Harness.DeliveriesAsync();
        var email = deliveries.Single(delivery => delivery.Channel == AlertChannel.Email);
        Assert.Equal((DeliveryState.Pending, 1, "E-mail is not set up: Alerts:Smtp:Host is empty."), (email.State, email.Attempts, email.LastError));
        Assert.All(deliveries.Where(delivery => delivery.Channel != AlertChannel.Email), delivery => Assert.Equal(DeliveryState.Sent, delivery.State));
        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task SmtpCredentials_AreOfferedToTheServer()
    {
        Harness.Options.Smtp.UserName = "monitor";
        Harness.Options.Smtp.Password = "relay-password";
        await MatchADrillStoryAsync(alert => alert.WebhookUrl = null);

        await Harness.DeliverAsync();

        Assert.Equal([("monitor", "relay-password")], Smtp.Logins);
        Assert.Single(Smtp.Messages);
    }

    [Fact]
    public async Task StartTls_IsRequired_WhenConfigured_SoNothingGoesOutInClearText()
    {
        Harness.Options.Smtp.Security = SmtpSecurity.StartTls;
        Harness.Options.Smtp.UserName = "monitor";
        Harness.Options.Smtp.Password = "relay-password";
        await MatchADrillStoryAsync(alert => alert.WebhookUrl = null);

        await Harness.DeliverAsync();

        var email = (await Harness.DeliveriesAsync()).Single(delivery => delivery.Channel == AlertChannel.Email);
        Assert.Equal(DeliveryState.Pending, email.State);
        Assert.Contains("STARTTLS", email.LastError, StringComparison.Ordinal);
        Assert.Empty(Smtp.Logins);
        Assert.Empty(Smtp.Messages);
    }

    private async Task<Alert> AddDrillAlertAsync(Action<Alert>? configure = null)
    {
        var alert = await Harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" }, alert =>
        {
            alert.EmailRecipients = "desk@newsroom.example, night@newsroom.example";
            alert.WebhookUrl = Webhook.Url.AbsoluteUri;
            alert.WebhookSecret = Secret;
            configure?.Invoke(alert);
        });
        Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        return alert;
    }

    /// <summary>Adds the drill alert (e-mail, webhook and in-app unless <paramref name="configure"/> says otherwise) and lets it match an article.</summary>
    private async Task MatchADrillStoryAsync(Action<Alert>? configure = null)
    {
        await AddDrillAlertAsync(configure);
        await Harness.IngestAsync(AlertPipelineTests.DrillStory("https://rts.example/drill", "RTS"));
        await Harness.ScanAsync();
    }

    private async Task<AlertDelivery> WebhookDeliveryAsync() =>
        (await Harness.DeliveriesAsync()).Single(delivery => delivery.Channel == AlertChannel.Webhook);

    /// <summary>Ingestion reads titles as HTML: tags are dropped, but escaped markup becomes the plain title "… &lt;script&gt;alert(1)…".</summary>
    private static IncomingArticle HostileTitleStory() => new()
    {
        Title = "Tanks &amp; troops: &lt;script&gt;alert(1)&lt;/script&gt; military exercise near Niš",
        Text = "Tanks rolled through the training ground near Niš on Wednesday as a military exercise with 300 troops began.",
        Source = "N1",
        Url = "https://n1.example/tanks",
        Published = "2026-10-24T07:45:00Z",
        Language = "en",
    };
}

using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Ingestion.Inbox;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// A daily digest in Europe/Belgrade across the end of summer time: on 2026-10-25 clocks go back from
/// 03:00 CEST to 02:00 CET (01:00 UTC), so that local day runs from 2026-10-24 22:00 UTC to 2026-10-25
/// 23:00 UTC, 25 hours. (Checked with tzdata: <c>TZ=Europe/Belgrade date -d 2026-10-25T23:00Z</c> prints
/// Mon Oct 26 00:00:00 CET.)
/// </summary>
public sealed class AlertDigestEndToEndTests : LoopbackReceiversTests
{
    private const string Secret = "digest-secret";

    [Fact]
    public async Task ADailyDigest_CoversTheWholeLocalDayOfTheDstChange_GroupedByStory()
    {
        await Harness.AddAlertAsync("Balkan armies", new SavedQuery { Text = "army" }, alert =>
        {
            alert.Mode = DeliveryMode.Daily;
            alert.TimeZone = "Europe/Belgrade";
            alert.EmailRecipients = "desk@newsroom.example";
            alert.WebhookUrl = Webhook.Url.AbsoluteUri;
            alert.WebhookSecret = Secret;
        });

        await IngestAtAsync("2026-10-24T21:30:00Z", Recruitment());                                                     // 23:30 CEST on the 24th
        await IngestAtAsync("2026-10-24T22:30:00Z", AlertPipelineTests.DrillStory("https://rts.example/drill", "RTS")); // 00:30 CEST on the 25th
        await IngestAtAsync("2026-10-25T01:30:00Z", AlertPipelineTests.DrillStory("https://n1.example/vezba", "N1", " The drills end on Thursday.")); // 02:30 CET, the repeated hour
        await IngestAtAsync("2026-10-25T22:30:00Z", Helicopters());                                                     // 23:30 CET on the 25th, hour 25

        Harness.Clock.Now = DateTimeOffset.Parse("2026-10-25T22:59:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await Harness.AssembleDigestsAsync();
        Assert.Equal(["2026-10-24"], (await Harness.DeliveriesAsync()).Select(delivery => delivery.Key).Distinct());

        Harness.Clock.Now = DateTimeOffset.Parse("2026-10-25T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await Harness.AssembleDigestsAsync();
        await Harness.DeliverAsync();
        await IngestAtAsync("2026-10-25T23:30:00Z", Fire());                                                            // 00:30 CET on the 26th
        Harness.Clock.Now = DateTimeOffset.Parse("2026-10-26T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await Harness.AssembleDigestsAsync();
        await Harness.DeliverAsync();
        await Harness.DeliverAsync();

        Assert.Equal(
            ["[Balkan armies] 1 story (daily digest 2026-10-24)", "[Balkan armies] 2 stories (daily digest 2026-10-25)", "[Balkan armies] 1 story (daily digest 2026-10-26)"],
            Smtp.Messages.Select(message => message.Subject ?? "").OrderBy(subject => subject[^11..], StringComparer.Ordinal));
        var storyLines = DigestText("2026-10-25").Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, storyLines.Count);
        var drill = Assert.Single(storyLines, line => line.StartsWith("- Serbian army holds military exercises near Niš (", StringComparison.Ordinal));
        Assert.Contains("RTS", drill, StringComparison.Ordinal);
        Assert.Contains("N1", drill, StringComparison.Ordinal);
        Assert.Single(storyLines, line => line.StartsWith("- Bosnian army receives two helicopters (Klix;", StringComparison.Ordinal));
        Assert.Contains("- Montenegrin army opens a recruitment drive (Vijesti;", DigestText("2026-10-24"), StringComparison.Ordinal);
        Assert.Contains("- Croatian army sends planes to a fire on Pelješac (HRT;", DigestText("2026-10-26"), StringComparison.Ordinal);

        Assert.Equal(3, Webhook.Requests.Count);
        Assert.All(Webhook.Requests, request => Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Header(WebhookSignature.HeaderName))));
        var digest = Webhook.Requests.Select(request => JsonDocument.Parse(request.Body).RootElement)
            .Single(body => body.GetProperty("period").GetProperty("key").GetString() == "2026-10-25");
        Assert.Equal("digest", digest.GetProperty("type").GetString());
        var period = digest.GetProperty("period");
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), period.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), period.GetProperty("end").GetDateTimeOffset());
        var stories = digest.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(
            ["Bosnian army receives two helicopters", "Serbian army holds military exercises near Niš"],
            stories.Select(story => story.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
        var drillStory = stories.Single(story => story.GetProperty("title").GetString()!.StartsWith("Serbian", StringComparison.Ordinal));
        Assert.Equal(
            ["https://n1.example/vezba", "https://rts.example/drill"],
            drillStory.GetProperty("articles").EnumerateArray().Select(article => article.GetProperty("url").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["N1", "RTS"], drillStory.GetProperty("outlets").EnumerateArray().Select(outlet => outlet.GetString()).Order(StringComparer.Ordinal));

        // In-app too, and every delivery once: three days × three channels.
        var deliveries = await Harness.DeliveriesAsync();
        Assert.Equal(9, deliveries.Count);
        Assert.All(deliveries, delivery => Assert.Equal((DeliveryState.Sent, 1), (delivery.State, delivery.Attempts)));
    }

    private string DigestText(string day) =>
        Smtp.Messages.Single(message => message.Subject?.Contains(day, StringComparison.Ordinal) == true).TextBody ?? "";

    /// <summary>The article becomes searchable at <paramref name="instant"/> and matching runs then.</summary>
    private async Task IngestAtAsync(string instant, IncomingArticle article)
    {
        Harness.Clock.Now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        await Harness.IngestAsync(article);
        await Harness.ScanAsync();
    }

    private static IncomingArticle Recruitment() => new()
    {
        Title = "Montenegrin army opens a recruitment drive",
        Text = "Montenegro's army opened a recruitment drive in Podgorica on Saturday, hoping to fill 500 posts by spring.",
        Source = "Vijesti",
        Url = "https://vijesti.example/recruitment",
        Published = "2026-10-24T21:00:00Z",
        Language = "en",
    };

    private static IncomingArticle Helicopters() => new()
    {
        Title = "Bosnian army receives two helicopters",
        Text = "The armed forces of Bosnia and Herzegovina received two helicopters at Sarajevo airport on Sunday; the army will fly them on rescue missions.",
        Source = "Klix",
        Url = "https://klix.example/helicopters",
        Published = "2026-10-25T22:00:00Z",
        Language = "en",
    };

    private static IncomingArticle Fire() => new()
    {
        Title = "Croatian army sends planes to a fire on Pelješac",
        Text = "The Croatian army sent two firefighting planes to the Pelješac peninsula late on Sunday as a forest fire spread towards Ston.",
        Source = "HRT",
        Url = "https://hrt.example/fire",
        Published = "2026-10-25T23:15:00Z",
        Language = "en",
    };
}

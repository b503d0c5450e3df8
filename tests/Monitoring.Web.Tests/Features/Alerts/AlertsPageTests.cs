using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Web.Data;
using Monitoring.Web.Features.Alerts;
using MudBlazor;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>The alerts list on a real app database: state, deliveries, and pause, snooze and delete.</summary>
public sealed class AlertsPageTests : AlertsUiContext
{
    [Fact]
    public void WithoutAlerts_SaysHowToMakeOne()
    {
        var page = RenderAlertsPage();

        page.WaitForElement("#alerts-empty");
        Assert.Contains("Search", page.Find("#alerts-empty").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheUsersAlerts_WithWhatTheyWatch_HowAndWhereTheyReport()
    {
        await CreateAlertAsync("Depot fires", new SavedQuery { Text = "ammunition depot", Countries = ["RS"] }, draft =>
        {
            draft.Mode = DeliveryMode.Daily;
            draft.EmailRecipients = "desk@newsroom.example, night@newsroom.example";
        });
        await AlertService.SaveAsync(new AlertDraft { Name = "Not mine", Query = new SavedQuery { Text = "x" } }, "someone-else", Cancellation);

        var page = RenderAlertsPage();

        var row = Assert.Single(page.WaitForElements(".alert-row"));
        Assert.Equal("Depot fires", row.QuerySelector(".alert-name")!.TextContent.Trim());
        Assert.Equal("“ammunition depot” · Serbia", row.QuerySelector(".alert-query")!.TextContent);
        Assert.Contains("Daily digest (Europe/Belgrade)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("in-app, e-mail (2)", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", row.QuerySelector(".alert-state")!.TextContent.Trim());
        Assert.Equal("never", row.QuerySelector(".alert-last-delivery")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnAlertByOutlet_ListsItsGroupsByName_AndItsOutletCountriesAndKinds()
    {
        var (serbian, _) = await AddTwoOutletGroupsAsync();
        await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot", OutletGroups = [serbian, "77"], OutletCountries = ["XK"], OutletKinds = ["portal"] });

        var page = RenderAlertsPage();

        var row = Assert.Single(page.WaitForElements(".alert-row"));
        Assert.Equal(
            "“depot” · outlet group Serbia — national · unknown outlet group 77 · outlet country Kosovo · outlet kind Portal",
            row.QuerySelector(".alert-query")!.TextContent);
    }

    [Fact]
    public async Task PauseThenResume_ChangesTheRowsState()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var page = RenderAlertsPage();
        page.WaitForElement(".alert-row");

        await page.Find(".toggle-alert").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find(".alert-state").TextContent.Trim()));
        Assert.True(Assert.Single(await StoredAlertsAsync()).Paused);

        await page.Find(".toggle-alert").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Active", page.Find(".alert-state").TextContent.Trim()));
        Assert.False(Assert.Single(await StoredAlertsAsync()).IsMuted(Clock.GetUtcNow()));
        Assert.Equal(alert.Id, Assert.Single(await StoredAlertsAsync()).Id);
    }

    [Fact]
    public async Task SnoozingForADay_ShowsUntilWhenOnTheAlertsClock()
    {
        await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var page = RenderAlertsPage();
        page.WaitForElement(".alert-row");

        await page.Find(".snooze-alert button").ClickAsync(new());
        await Popovers.WaitForElement(".snooze-day").ClickAsync(new());

        // 24 Oct 2026 08:00 UTC plus a day is 08:00 UTC on the 25th: 09:00 in Belgrade, whose clocks went back to UTC+1 at 03:00 that morning.
        page.WaitForAssertion(() => Assert.Equal("Snoozed until 25 Oct 2026 09:00", page.Find(".alert-state").TextContent.Trim()));
        Assert.Equal(Clock.GetUtcNow().AddDays(1), Assert.Single(await StoredAlertsAsync()).SnoozedUntil);
        Assert.Contains("Resume", page.Find(".toggle-alert").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnoozingUntilAChosenDateAndTime_MutesTheAlertUntilThenOnItsClock()
    {
        await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var page = RenderAlertsPage();
        var dialog = await OpenSnoozeUntilAsync(page);
        // Offered: tomorrow on the alert's clock (the clock says 24 Oct 2026, 10:00 in Belgrade) at 08:00.
        Assert.Equal("2026-10-25", dialog.QuerySelector("#snooze-date input, input#snooze-date")!.GetAttribute("value"));

        Dialogs.Find("#snooze-date input, input#snooze-date").Change("2026-10-30");
        Dialogs.Find("#snooze-time input, input#snooze-time").Change("14:30");
        await Dialogs.Find("#snooze-confirm").ClickAsync(new());

        // 14:30 in Belgrade on 30 Oct is UTC+1 (the clocks went back on the 25th): 13:30 UTC.
        page.WaitForAssertion(() => Assert.Equal("Snoozed until 30 Oct 2026 14:30", page.Find(".alert-state").TextContent.Trim()));
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 13, 30, 0, TimeSpan.Zero), Assert.Single(await StoredAlertsAsync()).SnoozedUntil);
        Assert.Empty(Dialogs.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task SnoozingUntilATimeAlreadyPast_IsRefusedWithAClearMessage_AndChangesNothing()
    {
        await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var page = RenderAlertsPage();
        await OpenSnoozeUntilAsync(page);

        // 09:00 today in Belgrade: an hour ago by the clock.
        Dialogs.Find("#snooze-date input, input#snooze-date").Change("2026-10-24");
        Dialogs.Find("#snooze-time input, input#snooze-time").Change("09:00");
        await Dialogs.Find("#snooze-confirm").ClickAsync(new());

        Dialogs.WaitForAssertion(() => Assert.Equal("Choose a time still to come.", Dialogs.Find("#snooze-error").TextContent));
        Assert.Single(Dialogs.FindAll(".mud-dialog"));
        Assert.Null(Assert.Single(await StoredAlertsAsync()).SnoozedUntil);
        Assert.Equal("Active", page.Find(".alert-state").TextContent.Trim());
    }

    private async Task<AngleSharp.Dom.IElement> OpenSnoozeUntilAsync(IRenderedComponent<AlertsPage> page)
    {
        page.WaitForElement(".alert-row");
        await page.Find(".snooze-alert button").ClickAsync(new());
        // Not awaited: the click's handler waits for the dialog's answer.
        Popovers.WaitForElement(".snooze-until").Click();
        return Dialogs.WaitForElement(".mud-dialog");
    }

    [Fact]
    public async Task Deleting_AsksFirst_ThenRemovesTheRow_AndTheQueryFromThePercolator()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var page = RenderAlertsPage();
        page.WaitForElement(".alert-row");

        // Not awaited: the click's handler waits for the answer to the confirmation.
        page.Find(".delete-alert").Click();
        var dialog = Dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Delete “Depot fires”?", dialog.TextContent, StringComparison.Ordinal);
        Assert.Single(await StoredAlertsAsync());
        await dialog.QuerySelectorAll("button").Single(button => button.TextContent.Trim() == "Delete").ClickAsync(new());

        page.WaitForElement("#alerts-empty");
        Assert.Empty(await StoredAlertsAsync());
        Assert.DoesNotContain(alert.Id.ToString(), await Percolator.RegisteredAsync(Cancellation));
    }

    [Fact]
    public async Task AFailedDelivery_IsShownOnTheAlert_WithItsError_AndTheLastSentOne()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" }, draft =>
        {
            draft.WebhookUrl = "https://hooks.newsroom.example/alerts";
            draft.WebhookSecret = "s3cret";
        });
        await using (var db = App.CreateDbContext())
        {
            db.AlertDeliveries.Add(new AlertDelivery
            {
                AlertId = alert.Id,
                Channel = AlertChannel.InApp,
                Key = "a1",
                State = DeliveryState.Sent,
                Attempts = 1,
                CreatedAt = Clock.GetUtcNow().AddHours(-3),
                NextAttemptAt = Clock.GetUtcNow().AddHours(-3),
                SentAt = Clock.GetUtcNow().AddHours(-3),
            });
            db.AlertDeliveries.Add(new AlertDelivery
            {
                AlertId = alert.Id,
                Channel = AlertChannel.Webhook,
                Key = "a1",
                State = DeliveryState.Failed,
                Attempts = 6,
                CreatedAt = Clock.GetUtcNow().AddHours(-3),
                NextAttemptAt = Clock.GetUtcNow(),
                LastError = "Response status code does not indicate success: 503 (Service Unavailable).",
            });
            await db.SaveChangesAsync(Cancellation);
        }

        var page = RenderAlertsPage();

        var row = page.WaitForElement(".alert-row");
        Assert.Equal("3 h ago", row.QuerySelector(".alert-last-delivery")!.TextContent.Trim());
        Assert.Contains("1 failed", row.QuerySelector(".alert-problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Webhook: Response status code does not indicate success: 503 (Service Unavailable).", row.QuerySelector(".alert-problem-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task AlertsSharedWithTheUser_AreListedApart_WithTheirOwner_AndNoWayToChangeThem()
    {
        await AlertService.SaveAsync(new AlertDraft { Name = "Ana's depots", Query = new SavedQuery { Text = "depot" }, SharedWith = "marko, Desk-Editor" }, "Ana.Petrovic", Cancellation);
        await AlertService.SaveAsync(new AlertDraft { Name = "Not for me", Query = new SavedQuery { Text = "x" }, SharedWith = "marko" }, "ana.petrovic", Cancellation);
        await AlertService.SaveAsync(new AlertDraft { Name = "No bell", Query = new SavedQuery { Text = "y" }, SharedWith = User, InApp = false, EmailRecipients = "desk@newsroom.example" }, "ana.petrovic", Cancellation);
        await CreateAlertAsync("Mine", new SavedQuery { Text = "mine" }, draft => draft.SharedWith = "marko");

        var page = RenderAlertsPage();

        var row = Assert.Single(page.WaitForElements(".shared-alert-row"));
        Assert.Equal("Ana's depots", row.QuerySelector(".alert-name")!.TextContent.Trim());
        Assert.Equal("ana.petrovic", row.QuerySelector(".alert-owner")!.TextContent.Trim());
        Assert.Equal("Active", row.QuerySelector(".alert-state")!.TextContent.Trim());
        Assert.StartsWith("/search?q=depot", row.QuerySelector(".alert-name a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll(".edit-alert, .toggle-alert, .snooze-alert, .delete-alert"));
        Assert.Equal("Mine", Assert.Single(page.FindAll(".alert-row")).QuerySelector(".alert-name")!.TextContent.Trim());
    }

    [Fact]
    public async Task StopReceivingASharedAlert_TakesOnlyThisUserOffIt()
    {
        var shared = await AlertService.SaveAsync(new AlertDraft { Name = "Ana's depots", Query = new SavedQuery { Text = "depot" }, SharedWith = "marko, desk-editor" }, "ana.petrovic", Cancellation);
        var page = RenderAlertsPage();
        page.WaitForElement(".shared-alert-row");

        await page.Find(".leave-alert").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#shared-alerts")));
        var stored = Assert.Single(await StoredAlertsAsync());
        Assert.Equal((shared.Alert!.Id, "marko"), (stored.Id, stored.SharedWith));
        Assert.Equal(["ana.petrovic", "marko"], stored.InAppRecipients());
    }

    private IRenderedComponent<MudPopoverProvider> Popovers { get; set; } = default!;

    private IRenderedComponent<MudDialogProvider> Dialogs { get; set; } = default!;

    private IRenderedComponent<AlertsPage> RenderAlertsPage()
    {
        Popovers = Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/alerts");
        return Render<AlertsPage>();
    }
}

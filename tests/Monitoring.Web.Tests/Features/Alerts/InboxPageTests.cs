using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>The inbox page: every notification of the user, paged, filtered to the unread, marked read.</summary>
public sealed class InboxPageTests : AlertsUiContext
{
    [Fact]
    public void WithoutNotifications_SaysWhereTheyComeFrom()
    {
        var page = RenderPageAt<InboxPage>("/alerts/inbox");

        var empty = page.WaitForElement("#inbox-empty");
        Assert.Contains("No notifications yet", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal("/alerts", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Single(page.FindAll(".mud-breadcrumbs a[href='/alerts']"));
    }

    [Fact]
    public void ForAnAnalyst_ThePageLeadsNowhereTheyMayNotGo()
    {
        // Analysts receive alerts editors share with them but cannot open the alerts page.
        Authorization.SetRoles(Roles.Analyst);
        Authorization.SetPolicies(Policies.Read);

        var page = RenderPageAt<InboxPage>("/alerts/inbox");

        var empty = page.WaitForElement("#inbox-empty");
        Assert.Contains("an alert an editor shared with you", empty.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("a[href='/alerts']"));
    }

    [Fact]
    public async Task ListsEveryNotificationOfTheUser_NewestFirst_TwentyToAPage()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, [.. Enumerable.Range(1, 25).Select(n => (User, $"Story {n}", n % 2 == 0)), ("someone-else", "Theirs", false)]);

        var first = RenderPageAt<InboxPage>("/alerts/inbox");

        var titles = first.WaitForElements(".inbox-item .inbox-title").Select(title => title.TextContent).ToList();
        Assert.Equal(Enumerable.Range(6, 20).Reverse().Select(n => $"Story {n}"), titles);
        Assert.Equal("Page 1 of 2", first.Find("#inbox-page-number").TextContent);
        Assert.Equal("/alerts/inbox?page=2", first.Find("#inbox-next").GetAttribute("href"));
        // Stories 1, 3, …, 25 are unread: 13 of them.
        Assert.Contains("Unread (13)", first.Find("#inbox-show-unread").TextContent, StringComparison.Ordinal);
        await DisposeComponentsAsync();

        var second = RenderPageAt<InboxPage>("/alerts/inbox?page=2");

        var rest = second.WaitForElements(".inbox-item .inbox-title").Select(title => title.TextContent).ToList();
        Assert.Equal(["Story 5", "Story 4", "Story 3", "Story 2", "Story 1"], rest);
    }

    [Fact]
    public async Task APagePastTheLast_SaysSo_AndLinksToTheLast()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, [.. Enumerable.Range(1, 21).Select(n => (User, $"Story {n}", false))]);

        var page = RenderPageAt<InboxPage>("/alerts/inbox?unread=true&page=5");

        var past = page.WaitForElement("#inbox-past-end");
        Assert.Contains("There is no page 5: the last is page 2.", past.TextContent, StringComparison.Ordinal);
        Assert.Equal("/alerts/inbox?unread=true&page=2", past.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task UnreadOnly_ListsOnlyTheUnread_AndMarkingOneRead_TakesItOff()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "First", false), (User, "Seen", true), (User, "Third", false));
        var page = RenderPageAt<InboxPage>("/alerts/inbox?unread=true");
        Assert.Equal(["Third", "First"], page.WaitForElements(".inbox-item .inbox-title").Select(title => title.TextContent));

        await page.FindAll(".inbox-item")[0].QuerySelector(".inbox-mark-read button, button.inbox-mark-read")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["First"], page.FindAll(".inbox-item .inbox-title").Select(title => title.TextContent)));
        Assert.Equal(1, await Inbox.UnreadCountAsync(User, Cancellation));
        Assert.Contains("Unread (1)", page.Find("#inbox-show-unread").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpeningANotification_MarksItRead_AndGoesToItsArticle()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "First", false), (User, "Second", false));
        var page = RenderPageAt<InboxPage>("/alerts/inbox");
        var first = page.WaitForElements(".inbox-item")[1];
        Assert.Equal("/articles/first", first.QuerySelector(".inbox-title")!.GetAttribute("href"));

        await first.QuerySelector(".inbox-title")!.ClickAsync(new());

        Assert.EndsWith("/articles/first", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        var unread = await Inbox.PageAsync(User, unreadOnly: true, 1, 10, Cancellation);
        Assert.Equal(["Second"], unread.Items.Select(notification => notification.Title));
    }

    [Fact]
    public async Task MarkAllRead_ClearsTheUnread_AndTheUnreadViewSaysSo()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "First", false), (User, "Second", false), ("someone-else", "Theirs", false));
        var page = RenderPageAt<InboxPage>("/alerts/inbox?unread=true");
        page.WaitForElements(".inbox-unread");

        await page.Find("#inbox-mark-all-read").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Nothing unread", page.Find("#inbox-empty").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await Inbox.UnreadCountAsync(User, Cancellation));
        Assert.Equal(1, await Inbox.UnreadCountAsync("someone-else", Cancellation));
    }

    [Fact]
    public async Task ANotificationDeliveredWhileOpen_AppearsAtOnce()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var page = RenderPageAt<InboxPage>("/alerts/inbox");
        page.WaitForElement("#inbox-empty");
        page.WaitForAssertion(() => Assert.Equal(1, Services.GetRequiredService<InboxNotifier>().SubscriberCount(User)));

        await DeliverInAppAsync(alert, deliveryId: 1, "Fire at an ammunition depot near Kragujevac");

        var item = page.WaitForElement(".inbox-unread");
        Assert.Equal("[Depot fires] Fire at an ammunition depot near Kragujevac", item.QuerySelector(".inbox-title")!.TextContent);
        Assert.Equal("Test wire", item.QuerySelector(".inbox-summary")!.TextContent);
    }

    private NotificationInbox Inbox => Services.GetRequiredService<NotificationInbox>();
}

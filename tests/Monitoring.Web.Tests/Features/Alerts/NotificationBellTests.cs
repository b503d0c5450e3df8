using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Alerts;
using MudBlazor;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>The bell: the current user's unread notifications, listed, and marking them read.</summary>
public sealed class NotificationBellTests : AlertsUiContext
{
    [Fact]
    public async Task CountsOnlyTheCurrentUsersUnreadNotifications()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "First", false), (User, "Second", false), (User, "Seen", true), ("someone-else", "Theirs", false));

        var bell = RenderBell();

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()));
        Assert.Equal("Notifications, 2 unread", bell.Find("#notification-bell button").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task OpeningTheBell_ListsTheLatestFirst_AndMarkAllRead_ClearsTheCount()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "[Depot fires] First", false), (User, "[Depot fires] Second", false), ("someone-else", "Theirs", false));
        var bell = RenderBell();
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()));

        await bell.Find("#notification-bell button").ClickAsync(new());

        var titles = Popovers.WaitForElements(".notification .notification-title");
        Assert.Equal(["[Depot fires] Second", "[Depot fires] First"], titles.Select(title => title.TextContent));
        Assert.Equal(2, Popovers.FindAll(".notification-unread").Count);

        await Popovers.Find(".mark-all-read").ClickAsync(new());

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")));
        Assert.Equal("Notifications, none unread", bell.Find("#notification-bell button").GetAttribute("aria-label"));
        Assert.Equal(0, await Services.GetRequiredService<NotificationInbox>().UnreadCountAsync(User, Cancellation));
        Assert.Equal(1, await Services.GetRequiredService<NotificationInbox>().UnreadCountAsync("someone-else", Cancellation));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ManageAlerts_IsInTheMenuOnlyForThoseWhoMayKeepAlerts(bool mayEdit)
    {
        if (!mayEdit)
        {
            Authorization.SetRoles(Roles.Analyst);
            Authorization.SetPolicies(Policies.Read);
        }

        var bell = RenderBell();
        await bell.Find("#notification-bell button").ClickAsync(new());

        Popovers.WaitForElement(".see-all-notifications");
        Assert.Equal(mayEdit ? 1 : 0, Popovers.FindAll(".manage-alerts").Count);
    }

    [Fact]
    public async Task OpeningANotification_MarksItRead_AndGoesWhereItLinks()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "First", false), (User, "Second", false));
        var bell = RenderBell();
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()));
        await bell.Find("#notification-bell button").ClickAsync(new());

        await Popovers.WaitForElements(".notification")[1].ClickAsync(new());

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()));
        Assert.EndsWith("/articles/first", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANotificationDeliveredWhileThePageIsOpen_ShowsUpAtOnce_WithoutWaitingForACheck()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" }, draft => draft.SharedWith = "Marko");
        // The fallback check is an hour away: only being told can change the count within the test.
        var bell = RenderBell(refresh: TimeSpan.FromHours(1));
        bell.WaitForAssertion(() => Assert.Equal(1, Notifier.SubscriberCount(User)));
        Assert.Equal("Notifications, none unread", bell.Find("#notification-bell button").GetAttribute("aria-label"));

        await DeliverInAppAsync(alert, deliveryId: 1, "Fire at an ammunition depot near Kragujevac");

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Equal("Notifications, 1 unread", bell.Find("#notification-bell button").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task MarkingReadElsewhere_UpdatesTheBellAtOnce()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        await AddNotificationsAsync(alert, (User, "First", false), (User, "Second", false));
        var bell = RenderBell(refresh: TimeSpan.FromHours(1));
        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim()));
        bell.WaitForAssertion(() => Assert.Equal(1, Notifier.SubscriberCount(User)));

        await Services.GetRequiredService<NotificationInbox>().MarkAllReadAsync(User, Cancellation);

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ClosingThePage_EndsTheBellsSubscription()
    {
        var bell = RenderBell();
        bell.WaitForAssertion(() => Assert.Equal(1, Notifier.SubscriberCount(User)));

        await DisposeComponentsAsync();

        Assert.Equal(0, Notifier.SubscriberCount(User));
    }

    [Fact]
    public async Task ANotificationWrittenByAnotherProcess_ShowsUpAtTheNextCheck()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot" });
        var bell = RenderBell(refresh: TimeSpan.FromMilliseconds(100));
        bell.WaitForAssertion(() => Assert.Equal("Notifications, none unread", bell.Find("#notification-bell button").GetAttribute("aria-label")));

        // Written straight to the database: nobody in this process is told.
        await AddNotificationsAsync(alert, (User, "Fresh", false));

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".mud-badge").TextContent.Trim()));
    }

    private InboxNotifier Notifier => Services.GetRequiredService<InboxNotifier>();

    private IRenderedComponent<MudPopoverProvider> Popovers { get; set; } = default!;

    private IRenderedComponent<NotificationBell> RenderBell(TimeSpan? refresh = null)
    {
        Popovers = Render<MudPopoverProvider>();
        return Render<NotificationBell>(parameters => parameters.Add(bell => bell.RefreshInterval, refresh ?? TimeSpan.FromMinutes(5)));
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Alerts;
using Monitoring.Web.Features.Account;
using MudBlazor;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// Every notification of the current user, a page at a time, all or only the unread (both in the URL);
/// opening one or its "mark read" button marks it read. Follows the inbox while open (<see cref="InboxNotifier"/>).
/// </summary>
public sealed partial class InboxPage : IDisposable
{
    /// <summary>Notifications per page.</summary>
    public const int PageSize = 20;

    private readonly List<BreadcrumbItem> _breadcrumbs = [new("Alerts", "/alerts"), new("Inbox", null, disabled: true)];
    private NotificationPage? _page;
    private string? _loadError;
    private string _user = "";
    private IDisposable? _subscription;

    [SupplyParameterFromQuery(Name = "unread")]
    public bool? Unread { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? Page { get; set; }

    [Inject]
    private NotificationInbox Inbox { get; set; } = default!;

    [Inject]
    private InboxNotifier Notifier { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private bool UnreadOnly => Unread == true;

    private int CurrentPage => Math.Max(1, Page ?? 1);

    private int PageCount => _page is null ? 1 : Math.Max(1, (_page.Total + PageSize - 1) / PageSize);

    public void Dispose() => _subscription?.Dispose();

    protected override async Task OnInitializedAsync() => _user = await User.GetNameAsync();

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only once interactive: a prerendered page has no circuit to update.
        if (firstRender)
        {
            _subscription = Notifier.Subscribe(_user, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
        }
    }

    private static string Href(bool unreadOnly, int page)
    {
        var parameters = new List<string>();
        if (unreadOnly)
        {
            parameters.Add("unread=true");
        }

        if (page > 1)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }

        return "/alerts/inbox" + (parameters.Count == 0 ? "" : "?" + string.Join("&", parameters));
    }

    private async Task LoadAsync()
    {
        try
        {
            _page = await Inbox.PageAsync(_user, UnreadOnly, CurrentPage, PageSize);
            _loadError = null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            _loadError = exception.Message;
        }
    }

    private async Task OpenAsync(Notification notification)
    {
        if (notification.ReadAt is null)
        {
            await Inbox.MarkReadAsync(_user, notification.Id);
        }

        Navigation.NavigateTo(notification.Link);
    }

    private async Task MarkReadAsync(Notification notification)
    {
        await Inbox.MarkReadAsync(_user, notification.Id);
        await LoadAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Inbox.MarkAllReadAsync(_user);
        await LoadAsync();
    }
}

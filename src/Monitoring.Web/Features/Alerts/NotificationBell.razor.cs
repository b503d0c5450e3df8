using Microsoft.AspNetCore.Components;
using Monitoring.Alerts;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// Counts the current user's unread notifications and lists the latest when opened. The count follows
/// the inbox at once: the in-app channel and the inbox page tell <see cref="InboxNotifier"/>, which tells
/// the bell. A slow check (<see cref="RefreshInterval"/>) catches what another process delivered.
/// </summary>
public sealed partial class NotificationBell : IDisposable
{
    private const int ListedCount = 10;

    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _subscription;
    private int _unread;
    private IReadOnlyList<Notification>? _latest;
    private string _user = "";

    /// <summary>How often the unread count is checked besides being told (for deliveries made by another process).</summary>
    [Parameter]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    [Inject]
    private NotificationInbox Inbox { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private InboxNotifier Notifier { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private string BellLabel => _unread switch
    {
        0 => "Notifications, none unread",
        1 => "Notifications, 1 unread",
        _ => $"Notifications, {_unread} unread",
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _user = await User.GetNameAsync();
        await CountAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Runs only once the page is interactive (never while prerendering), when there is a circuit to update.
        if (firstRender)
        {
            _subscription = Notifier.Subscribe(_user, () => InvokeAsync(RecountAsync));
            _ = KeepCountingAsync();
        }
    }

    private async Task KeepCountingAsync()
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(RecountAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private async Task RecountAsync()
    {
        var before = _unread;
        await CountAsync();
        if (before != _unread)
        {
            // A list already shown (the menu may be open) is read again rather than left stale.
            _latest = _latest is null ? null : await Inbox.LatestAsync(_user, ListedCount, _disposed.Token);
            StateHasChanged();
        }
    }

    private async Task CountAsync()
    {
        try
        {
            _unread = await Inbox.UnreadCountAsync(_user, _disposed.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            // The count stays as it was; the next tick tries again.
        }
    }

    private async Task OpenChangedAsync(bool open)
    {
        if (open)
        {
            _latest = await Inbox.LatestAsync(_user, ListedCount, _disposed.Token);
            await CountAsync();
        }
    }

    private async Task OpenAsync(Notification notification)
    {
        if (notification.ReadAt is null)
        {
            await Inbox.MarkReadAsync(_user, notification.Id, _disposed.Token);
            await CountAsync();
        }

        _latest = null;
        Navigation.NavigateTo(notification.Link);
    }

    private async Task MarkAllReadAsync()
    {
        await Inbox.MarkAllReadAsync(_user, _disposed.Token);
        await CountAsync();
        _latest = await Inbox.LatestAsync(_user, ListedCount, _disposed.Token);
    }
}

using Microsoft.AspNetCore.Components;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// Counts the current user's unread notifications, checking again every few seconds while the page is
/// open (deliveries are made by background jobs, possibly in another process, so there is nothing to
/// subscribe to), and lists the latest when opened.
/// </summary>
public sealed partial class NotificationBell : IDisposable
{
    private const int ListedCount = 10;

    private readonly CancellationTokenSource _disposed = new();
    private int _unread;
    private IReadOnlyList<Notification>? _latest;
    private string _user = "";

    /// <summary>How often the unread count is checked.</summary>
    [Parameter]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Inject]
    private NotificationInbox Inbox { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

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
                await InvokeAsync(async () =>
                {
                    var before = _unread;
                    await CountAsync();
                    if (before != _unread)
                    {
                        _latest = null;
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private async Task CountAsync()
    {
        try
        {
            _unread = await Inbox.UnreadCountAsync(_user, _disposed.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
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

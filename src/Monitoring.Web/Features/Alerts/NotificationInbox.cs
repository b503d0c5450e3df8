using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Alerts;

/// <summary>One user's in-app notifications (the user's name in any case: <see cref="UserNames"/>): what the bell counts and lists, and marking them read.</summary>
public sealed class NotificationInbox(IDbContextFactory<AppDbContext> app, TimeProvider clock, InboxNotifier notifier)
{
    public async Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default)
    {
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            user = UserNames.Normalise(user);
            return await db.Notifications.CountAsync(notification => notification.Recipient == user && notification.ReadAt == null, cancellationToken);
        }
    }

    /// <summary>The user's latest notifications, newest first, read or not.</summary>
    public async Task<IReadOnlyList<Notification>> LatestAsync(string user, int take, CancellationToken cancellationToken = default)
    {
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            user = UserNames.Normalise(user);
            return await db.Notifications.AsNoTracking()
                .Where(notification => notification.Recipient == user)
                .OrderByDescending(notification => notification.Id)
                .Take(take)
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One page (1-based, <paramref name="pageSize"/> each) of the user's notifications, newest first, all or
    /// only the unread; with how many there are in all and how many are unread.
    /// </summary>
    public async Task<NotificationPage> PageAsync(string user, bool unreadOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            user = UserNames.Normalise(user);
            var mine = db.Notifications.AsNoTracking().Where(notification => notification.Recipient == user);
            var unread = await mine.CountAsync(notification => notification.ReadAt == null, cancellationToken);
            var listed = unreadOnly ? mine.Where(notification => notification.ReadAt == null) : mine;
            var total = unreadOnly ? unread : await mine.CountAsync(cancellationToken);
            var items = await listed
                .OrderByDescending(notification => notification.Id)
                .Skip((page - 1) * pageSize)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            return new NotificationPage(items, total, unread);
        }
    }

    /// <summary>Marks one of the user's notifications read; another user's are left alone.</summary>
    public Task MarkReadAsync(string user, long notificationId, CancellationToken cancellationToken = default) =>
        MarkAsync(user, notificationId, cancellationToken);

    public Task MarkAllReadAsync(string user, CancellationToken cancellationToken = default) =>
        MarkAsync(user, null, cancellationToken);

    private async Task MarkAsync(string user, long? notificationId, CancellationToken cancellationToken)
    {
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            user = UserNames.Normalise(user);
            var unread = await db.Notifications
                .Where(notification => notification.Recipient == user && notification.ReadAt == null
                    && (notificationId == null || notification.Id == notificationId))
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var notification in unread)
            {
                notification.ReadAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // The user's other pages (the bell beside an inbox page, other tabs) count again.
        notifier.Notify([user]);
    }
}

/// <param name="Items">The notifications of the page, newest first.</param>
/// <param name="Total">How many notifications the listing has over all its pages.</param>
/// <param name="UnreadCount">How many of the user's notifications are unread.</param>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Total, int UnreadCount);

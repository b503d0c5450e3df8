using System.Collections.Concurrent;

namespace Monitoring.Alerts;

/// <summary>
/// Tells the open pages of a user (their Blazor circuits) that the user's inbox changed: a notification
/// arrived or was marked read. In-process only: a notification written by another process is seen by the
/// pages' slow fallback check instead.
/// </summary>
public sealed class InboxNotifier
{
    private readonly ConcurrentDictionary<string, ImmutableSubscribers> _subscribers = new(UserNames.Comparer);

    /// <summary>Calls <paramref name="changed"/> whenever the user's inbox changes, until the result is disposed.</summary>
    public IDisposable Subscribe(string user, Func<Task> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var key = UserNames.Normalise(user);
        var subscription = new Subscription(this, key, changed);
        _subscribers.AddOrUpdate(key, _ => new([subscription]), (_, existing) => new([.. existing.Items, subscription]));
        return subscription;
    }

    /// <summary>
    /// Tells each of these users' subscribers, without waiting for them: what a page does about it (reading
    /// the inbox, redrawing) is its own affair and must not hold up, or fail, the delivery that notified it.
    /// </summary>
    public void Notify(IEnumerable<string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users.Select(UserNames.Normalise).Distinct(UserNames.Comparer))
        {
            if (_subscribers.TryGetValue(user, out var subscribers))
            {
                foreach (var subscription in subscribers.Items)
                {
                    _ = CallAsync(subscription.Changed);
                }
            }
        }
    }

    /// <summary>How many subscriptions the user has (pages open and listening).</summary>
    public int SubscriberCount(string user) =>
        _subscribers.TryGetValue(UserNames.Normalise(user), out var subscribers) ? subscribers.Items.Length : 0;

    private static async Task CallAsync(Func<Task> changed)
    {
        try
        {
            await changed().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a page closed meanwhile, or failing to refresh, is no concern of the notifying side
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Remove(Subscription subscription)
    {
        while (_subscribers.TryGetValue(subscription.User, out var existing))
        {
            var remaining = existing.Items.Where(item => item != subscription).ToArray();
            var replaced = remaining.Length == 0
                ? _subscribers.TryRemove(new KeyValuePair<string, ImmutableSubscribers>(subscription.User, existing))
                : _subscribers.TryUpdate(subscription.User, new(remaining), existing);
            if (replaced)
            {
                return;
            }
        }
    }

    // Copy-on-write: notifying iterates a snapshot while pages come and go.
    private sealed record ImmutableSubscribers(Subscription[] Items);

    private sealed class Subscription(InboxNotifier notifier, string user, Func<Task> changed) : IDisposable
    {
        private int _disposed;

        public string User => user;

        public Func<Task> Changed => changed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                notifier.Remove(this);
            }
        }
    }
}

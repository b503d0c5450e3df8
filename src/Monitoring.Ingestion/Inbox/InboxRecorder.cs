using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Commits items to the inbox without scheduling anything: for callers that process them themselves
/// (the import command) or schedule their own job (<see cref="ArticleInbox"/>, the drop folder).
/// </summary>
public sealed class InboxRecorder(IDbContextFactory<IngestionDbContext> store, TimeProvider clock)
{
    /// <summary>Stores the items as Pending in one transaction, committed to disk when this returns.</summary>
    /// <returns>The inbox ids, ascending, in the order of <paramref name="payloads"/>.</returns>
    public async Task<IReadOnlyList<long>> RecordAsync(string channel, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(payloads);
        if (payloads.Count == 0)
        {
            return [];
        }

        var receivedAt = clock.GetUtcNow();
        var items = payloads
            .Select(payload => new InboxItem { Channel = channel, Payload = payload, ReceivedAt = receivedAt, State = InboxItemState.Pending })
            .ToList();
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.InboxItems.AddRange(items);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return items.Select(item => item.Id).ToList();
    }

    /// <summary>True when any item was recorded under <paramref name="channel"/> (a file recorded before a crash).</summary>
    public async Task<bool> HasChannelAsync(string channel, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.InboxItems.AnyAsync(item => item.Channel == channel, cancellationToken).ConfigureAwait(false);
        }
    }
}

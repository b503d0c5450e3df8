using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Commits items to the inbox without scheduling anything; channels reach it through <see cref="IngestionPipeline"/>.
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
        var items = payloads.Select(payload => NewItem(channel, payload, receivedAt)).ToList();
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Untracked, in bulk: EF Core's change tracking cost more than the insert itself (docs/performance.md, benchmark 2).
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await BulkRows.InsertWithGeneratedKeysAsync(db, items, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return items.Select(item => item.Id).ToList();
    }

    /// <summary>An item as every channel records it: pending, its payload as received.</summary>
    internal static InboxItem NewItem(string channel, byte[] payload, DateTimeOffset receivedAt) =>
        new() { Channel = channel, Payload = payload, ReceivedAt = receivedAt, State = InboxItemState.Pending };

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

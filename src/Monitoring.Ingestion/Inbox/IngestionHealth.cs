using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>What the hosts' /health and /ready say about ingestion, read without opening its database themselves.</summary>
public sealed class IngestionHealth(IDbContextFactory<IngestionDbContext> store, IndexWriteStatus indexWrites, TimeProvider clock)
{
    /// <summary>The failure of this process's writes to the search index not yet followed by a success; null when none.</summary>
    public IndexWriteFailure? IndexWriteFailure => indexWrites.CurrentFailure;

    /// <summary>Whether the ingestion store opens.</summary>
    public async Task<bool> StoreOpensAsync(CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long the oldest item still waiting in the inbox has waited; null when none waits.</summary>
    public async Task<TimeSpan?> OldestPendingAgeAsync(CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var oldest = await db.InboxItems.AsNoTracking()
                .Where(item => item.State == InboxItemState.Pending)
                .OrderBy(item => item.Id)
                .Select(item => (DateTimeOffset?)item.ReceivedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return oldest is { } received ? clock.GetUtcNow() - received : null;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Migrations of nodes that start together on one PostgreSQL database, one node at a time. EF Core's own lock (a
/// table lock on its history table, released with a transaction) did not stop four nodes starting together on an
/// empty database from applying the same migration twice ("relation … already exists";
/// StartUpMigrationsOnPostgreSqlTests). A session-level advisory lock, held around the whole run, does.
/// </summary>
public static class MigrationLock
{
    // One fixed key for every node and for both stores, which share EF Core's history table in one database.
    private const long Key = 0x4D4F4E49544F52; // "MONITOR"

    /// <summary>
    /// Applies the pending migrations, holding the advisory lock on PostgreSQL; other providers (SQLite: one
    /// machine, locked by its file) migrate as usual.
    /// </summary>
    public static async Task MigrateExclusivelyAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsNpgsql())
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // EF Core leaves open a connection it did not open, so the lock and the migrations share one session.
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken).ConfigureAwait(false);
            try
            {
                await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}

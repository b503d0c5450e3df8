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
    internal const long Key = 0x4D4F4E49544F52; // "MONITOR"

    /// <summary>
    /// Applies the pending migrations, holding the advisory lock on PostgreSQL; other providers (SQLite: one
    /// machine, locked by its file) migrate as usual.
    /// </summary>
    /// <returns>The migrations this call applied, oldest first: none when another node had applied them already.</returns>
    public static async Task<IReadOnlyList<string>> MigrateExclusivelyAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsNpgsql())
        {
            return await MigrateAsync(database, cancellationToken).ConfigureAwait(false);
        }

        // EF Core leaves open a connection it did not open, so the lock and the migrations share one session.
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken).ConfigureAwait(false);
            try
            {
                return await MigrateAsync(database, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Stops a node that must not change the schema from running on one that is behind its code, naming what is
    /// missing and the step that applies it.
    /// </summary>
    /// <param name="store">The store's name in the message ("app database").</param>
    /// <param name="setting">The setting that turned migration at start-up off ("AppData:MigrateOnStart").</param>
    /// <param name="step">The command that applies them, as the host that has one registers it; null: the deploy guide is named.</param>
    /// <exception cref="InvalidOperationException">Migrations of this version are not applied.</exception>
    public static async Task EnsureMigratedAsync(this DatabaseFacade database, string store, string setting, MigrationStep? step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {store} is behind this version of the app: {pending.Count} migration{(pending.Count == 1 ? " is" : "s are")} not applied ({string.Join(", ", pending)}). " +
                $"{setting} is false, so this node does not change the schema: run the migration step first " +
                (step is null ? "(docs/deploy.md, \"Schema migrations\")" : $"({step.Command}; from a source checkout {step.FromSource})") +
                ", then start the node again.");
        }
    }

    // Pending is read inside the lock: what another node applied meanwhile is not reported as applied here.
    private static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return pending;
    }
}

/// <summary>
/// The command of the migration step, registered by the host that has it (the web app), so that a node refusing to
/// start on a schema that is behind names it.
/// </summary>
/// <param name="Command">As it runs in the image.</param>
/// <param name="FromSource">The same step from a source checkout.</param>
public sealed record MigrationStep(string Command, string FromSource);

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Ingestion.Store;

/// <summary>How the ingestion store is opened and its schema kept current.</summary>
public static class IngestionStore
{
    // Every store ever written has this table; a SQLite store without migration history was made by the
    // versions that only created missing tables.
    private const string InboxTable = "InboxItems";

    /// <summary>Points <paramref name="options"/> at the SQLite file <paramref name="path"/>, creating its folder.</summary>
    public static DbContextOptionsBuilder UseIngestionSqlite(this DbContextOptionsBuilder options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
        return options.UseSqlite(connection).AddInterceptors(DurableConnection.Instance);
    }

    /// <summary>A context on the SQLite file <paramref name="path"/>, migrated; for the command line and tests.</summary>
    public static IngestionDbContext Open(string path)
    {
        var context = IngestionStoreFactory.Sqlite(path).CreateDbContext();
        context.Migrate();
        return context;
    }

    /// <summary>The ingestion store's part of the migration step, on the store <paramref name="options"/> name.</summary>
    public static StoreMigration MigrationOf(IngestionOptions options, string contentRoot) => StoreMigration.For(
        IngestionStoreMigrator.StoreName,
        IngestionStoreFactory.From(options, contentRoot).CreateDbContext(),
        (db, cancellationToken) => db.MigrateAsync(cancellationToken));

    /// <inheritdoc cref="MigrateAsync"/>
    /// <remarks>
    /// For the command line and tests, which have no synchronization context to deadlock on: the same path as
    /// <see cref="MigrateAsync"/>, so that on PostgreSQL it too takes <see cref="MigrationLock"/>.
    /// </remarks>
    public static void Migrate(this IngestionDbContext db) => db.MigrateAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Applies the pending migrations. A SQLite store written before the store had migrations is first
    /// baselined: the tables it lacks are added and its schema is recorded as the initial migration.
    /// </summary>
    /// <returns>The migrations this call applied (a baselined initial migration is not among them).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(this IngestionDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.BaselineStoreWithoutHistory();
        return await db.Database.MigrateExclusivelyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The earlier versions made the schema with EF's creation script for the model of the day, adding the
    /// tables of newer versions by the same script with IF NOT EXISTS (no column of an existing table ever
    /// changed). So such a store is the initial migration's schema, perhaps without some of its tables: the
    /// initial migration's own script, made additive, completes it and records it as applied.
    /// </summary>
    private static void BaselineStoreWithoutHistory(this IngestionDbContext db)
    {
        if (!db.Database.IsSqlite() || !HasTable(db, InboxTable) || HasTable(db, HistoryRepository.DefaultTableName))
        {
            return;
        }

        var initial = db.Database.GetMigrations().First();
        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: Migration.InitialDatabase, toMigration: initial)
            .Replace("CREATE TABLE \"", "CREATE TABLE IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE INDEX \"", "CREATE INDEX IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("INSERT INTO \"__EFMigrationsHistory\"", "INSERT OR IGNORE INTO \"__EFMigrationsHistory\"", StringComparison.Ordinal);
        db.Database.ExecuteSqlRaw(script);
    }

    private static bool HasTable(IngestionDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            connection.Open();
        }

        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            var name = command.CreateParameter();
            name.ParameterName = "$name";
            name.Value = table;
            command.Parameters.Add(name);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }

    // WAL lets the API write while a job reads; synchronous=FULL makes every commit reach the disk (fsync)
    // before SaveChanges returns, which is what "recorded before acknowledged" needs. A batch's story bands touch
    // pages all over their table, and the default checkpoint (every 1,000 pages of WAL) copied them back into the
    // file after nearly every batch: checkpointing every 10,000 pages (40 MB of WAL) copies a page rewritten by
    // several batches once. Migrate first looks whether the file exists through a read-only connection, which cannot
    // switch the journal mode.
    private sealed class DurableConnection : DbConnectionInterceptor
    {
        public static readonly DurableConnection Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=10000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsReadOnly(connection))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsReadOnly(connection))
            {
                return;
            }

            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool IsReadOnly(DbConnection connection) =>
            new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Monitoring.Ingestion.Store;

/// <summary>How the ingestion store is opened: one SQLite file, written durably.</summary>
public static class IngestionStore
{
    /// <summary>Points <paramref name="options"/> at the SQLite file <paramref name="path"/>, creating its folder.</summary>
    public static DbContextOptionsBuilder UseIngestionSqlite(this DbContextOptionsBuilder options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
        return options.UseSqlite(connection).AddInterceptors(DurableConnection.Instance);
    }

    /// <summary>A context on <paramref name="path"/> with the schema created; for the command line and tests.</summary>
    public static IngestionDbContext Open(string path)
    {
        var options = new DbContextOptionsBuilder<IngestionDbContext>();
        options.UseIngestionSqlite(path);
        var context = new IngestionDbContext(options.Options);
        context.EnsureSchema();
        return context;
    }

    /// <summary>
    /// Creates the store, or in a store written by an earlier version the tables added since. Additive
    /// only (no column of an existing table changes) until the store gets migrations with PostgreSQL.
    /// </summary>
    public static void EnsureSchema(this IngestionDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.EnsureCreated())
        {
            db.Database.ExecuteSqlRaw(AdditiveScript(db));
        }
    }

    /// <inheritdoc cref="EnsureSchema"/>
    public static async Task EnsureSchemaAsync(this IngestionDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false))
        {
            await db.Database.ExecuteSqlRawAsync(AdditiveScript(db), cancellationToken).ConfigureAwait(false);
        }
    }

    // EF's creation script with IF NOT EXISTS: SQLite then creates only what is missing.
    private static string AdditiveScript(IngestionDbContext db) => db.Database.GenerateCreateScript()
        .Replace("CREATE TABLE \"", "CREATE TABLE IF NOT EXISTS \"", StringComparison.Ordinal)
        .Replace("CREATE INDEX \"", "CREATE INDEX IF NOT EXISTS \"", StringComparison.Ordinal)
        .Replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"", StringComparison.Ordinal);

    // WAL lets the API write while a job reads; synchronous=FULL makes every commit reach the disk (fsync)
    // before SaveChanges returns, which is what "recorded before acknowledged" needs.
    private sealed class DurableConnection : DbConnectionInterceptor
    {
        public static readonly DurableConnection Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

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
        context.Database.EnsureCreated();
        return context;
    }

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

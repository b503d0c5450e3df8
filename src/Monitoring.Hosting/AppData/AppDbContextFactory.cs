using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts.Data;
using Monitoring.Ingestion.Store;

namespace Monitoring.Hosting.AppData;

/// <summary>
/// Makes contexts of the app database on the configured provider: that provider's subclass of
/// <see cref="AppDbContext"/>, so that its own migrations apply. Options are built once.
/// </summary>
public sealed class AppDbContextFactory : IDbContextFactory<AppDbContext>
{
    private readonly Func<AppDbContext> _create;

    private AppDbContextFactory(Func<AppDbContext> create) => _create = create;

    /// <summary>The database in the SQLite file <paramref name="path"/> (its folder is created).</summary>
    public static AppDbContextFactory Sqlite(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        options.UseAppSqlite(path);
        return new(() => new SqliteAppDbContext(options.Options));
    }

    /// <summary>The database <paramref name="connectionString"/> names on a PostgreSQL server.</summary>
    public static AppDbContextFactory PostgreSql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>();
        options.UseNpgsql(connectionString);
        return new(() => new PostgreSqlAppDbContext(options.Options));
    }

    /// <summary>The database as <paramref name="options"/> configure it; relative paths resolved against <paramref name="contentRoot"/>.</summary>
    public static AppDbContextFactory From(AppDataOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StoreProvider.PostgreSql => PostgreSql(options.PostgreSqlConnectionString!),
            _ => Sqlite(Path.GetFullPath(options.SqlitePath, contentRoot)),
        };
    }

    public AppDbContext CreateDbContext() => _create();
}

using Microsoft.EntityFrameworkCore;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Makes contexts of the ingestion store on the configured provider: the provider's own subclass of
/// <see cref="IngestionDbContext"/>, so that its own migrations apply. Options are built once.
/// </summary>
public sealed class IngestionStoreFactory : IDbContextFactory<IngestionDbContext>
{
    private readonly Func<IngestionDbContext> _create;

    private IngestionStoreFactory(StoreProvider provider, Func<IngestionDbContext> create)
    {
        Provider = provider;
        _create = create;
    }

    public StoreProvider Provider { get; }

    /// <summary>The store in the SQLite file <paramref name="path"/> (its folder is created).</summary>
    public static IngestionStoreFactory Sqlite(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteIngestionDbContext>();
        options.UseIngestionSqlite(path);
        return new(StoreProvider.Sqlite, () => new SqliteIngestionDbContext(options.Options));
    }

    /// <summary>The store in the PostgreSQL database <paramref name="connectionString"/> names.</summary>
    public static IngestionStoreFactory PostgreSql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlIngestionDbContext>();
        options.UseNpgsql(connectionString);
        return new(StoreProvider.PostgreSql, () => new PostgreSqlIngestionDbContext(options.Options));
    }

    /// <summary>The store as <paramref name="options"/> configure it; relative paths resolved against <paramref name="contentRoot"/>.</summary>
    public static IngestionStoreFactory From(IngestionOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.StoreProvider switch
        {
            StoreProvider.PostgreSql => PostgreSql(options.StorePostgreSqlConnectionString!),
            _ => Sqlite(Path.GetFullPath(options.StorePath, contentRoot)),
        };
    }

    public IngestionDbContext CreateDbContext() => _create();
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Alerts.Data;

/// <summary>
/// The alert tables (alerts, their matches and deliveries, notifications, the scan position) in the app
/// database, as the alert jobs read and write them. It has no migrations of its own: the app database's schema, these
/// tables included (mapped there with the same <see cref="AlertsModel"/>), comes with the app database's migrations in
/// Monitoring.Hosting, which either host applies at start before its jobs run.
/// </summary>
public sealed class AlertsDbContext(DbContextOptions<AlertsDbContext> options) : DbContext(options)
{
    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertMatch> AlertMatches => Set<AlertMatch>();

    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AlertScanState> AlertScanStates => Set<AlertScanState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => AlertsModel.Configure(modelBuilder);
}

/// <summary>Opens <see cref="AlertsDbContext"/> on the app database the settings name.</summary>
public sealed class AlertsDbContextFactory(DbContextOptions<AlertsDbContext> options) : IDbContextFactory<AlertsDbContext>
{
    public static AlertsDbContextFactory From(AppDataOptions settings, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new DbContextOptionsBuilder<AlertsDbContext>();
        if (settings.Provider == StoreProvider.PostgreSql)
        {
            options.UseNpgsql(settings.PostgreSqlConnectionString);
        }
        else
        {
            options.UseAppSqlite(Path.GetFullPath(settings.SqlitePath, contentRoot));
        }

        return new(options.Options);
    }

    public AlertsDbContext CreateDbContext() => new(options);
}

public static class AppDatabaseSqlite
{
    /// <summary>SQLite on <paramref name="path"/>, creating its folder: how every context opens the app database's file.</summary>
    public static DbContextOptionsBuilder UseAppSqlite(this DbContextOptionsBuilder options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString());
    }
}

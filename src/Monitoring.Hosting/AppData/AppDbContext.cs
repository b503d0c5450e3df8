using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts;
using Monitoring.Alerts.Data;

namespace Monitoring.Hosting.AppData;

/// <summary>
/// The app database: what people create (user accounts, API keys, event annotations, saved alerts with their
/// matches, deliveries and notifications), as opposed to the articles, which live in the search engine and the
/// ingestion store. Both hosts migrate it at start (<see cref="AppDataMigrator"/>), so a worker started alone on a
/// fresh database finds its alert tables; it lives here, in what both hosts compose, for that reason. The web app
/// reads and writes it through this context (accounts, keys, annotations, alert editing); the alert jobs use their
/// own project's context, which maps the alert tables alike (<see cref="AlertsModel"/>) and migrates nothing.
/// The schema evolves through EF Core migrations: one set per provider (AppData/Migrations/Sqlite,
/// AppData/Migrations/PostgreSql), as EF Core keeps one set per context type, hence one subclass per provider.
/// <see cref="AppDbContextFactory"/> makes the configured one.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys that protect sign-in cookies and forms, kept here so that every web node of a deployment reads
    /// what another one wrote (the web app's Data Protection key ring).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<EventAnnotation> EventAnnotations => Set<EventAnnotation>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertMatch> AlertMatches => Set<AlertMatch>();

    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AlertScanState> AlertScanStates => Set<AlertScanState>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<EventAnnotation>(annotation =>
        {
            annotation.ToTable("EventAnnotations");
            annotation.Property(a => a.Label).HasMaxLength(EventAnnotation.MaxLabelLength);
            annotation.Property(a => a.Link).HasMaxLength(EventAnnotation.MaxLinkLength);
            annotation.HasIndex(a => a.Date);
            annotation.HasData(EventAnnotation.DemoEvents);
        });
        AlertsModel.Configure(builder);
        builder.Entity<ApiKey>(key =>
        {
            key.ToTable("ApiKeys");
            key.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.HasIndex(k => k.Prefix).IsUnique();
            key.Property(k => k.Hash).HasMaxLength(32);
            key.Property(k => k.Scopes).HasMaxLength(500);
            key.Property(k => k.CreatedBy).HasMaxLength(256);
            key.Property(k => k.CreatedAt).HasConversion(UtcTicksConverters.Required);
            key.Property(k => k.LastUsedAt).HasConversion(UtcTicksConverters.Optional);
            key.Property(k => k.RevokedAt).HasConversion(UtcTicksConverters.Optional);
            key.Ignore(k => k.ScopeList);
        });
    }
}

/// <summary>The app database on SQLite (migrations in AppData/Migrations/Sqlite).</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The app database on PostgreSQL (migrations in AppData/Migrations/PostgreSql).</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options);

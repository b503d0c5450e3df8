using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Stories;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Ingestion's own durable state: the inbox of accepted items and the register of known articles that
/// deduplication reads, and the story signatures near-duplicate clustering compares. A SQLite file by default,
/// or PostgreSQL: one subclass per provider, each with its own migrations (Store/Migrations/&lt;provider&gt;), as
/// EF Core keeps one migrations set per context type. <see cref="IngestionStoreFactory"/> makes the right one.
/// </summary>
public abstract class IngestionDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    public DbSet<KnownArticle> KnownArticles => Set<KnownArticle>();

    public DbSet<StoryMember> StoryMembers => Set<StoryMember>();

    public DbSet<StoryBand> StoryBands => Set<StoryBand>();

    public DbSet<FeedSource> FeedSources => Set<FeedSource>();

    public DbSet<FeedItemRecord> FeedItemRecords => Set<FeedItemRecord>();

    public DbSet<OutletGroup> OutletGroups => Set<OutletGroup>();

    public DbSet<OutletGroupMember> OutletGroupMembers => Set<OutletGroupMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InboxItem>(item =>
        {
            item.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
            item.Property(i => i.Channel).HasMaxLength(200);
            item.HasIndex(i => i.State);
        });
        modelBuilder.Entity<KnownArticle>(article =>
        {
            article.HasKey(a => a.Id);
            article.Property(a => a.Id).HasMaxLength(16);
            article.HasIndex(a => a.ContentKey).IsUnique();
            article.HasIndex(a => a.CanonicalUrl);
        });
        modelBuilder.Entity<StoryMember>(member =>
        {
            member.HasKey(m => m.ArticleId);
            member.Property(m => m.ArticleId).HasMaxLength(16);
            member.Property(m => m.StoryId).HasMaxLength(16);
        });
        modelBuilder.Entity<StoryBand>(band =>
        {
            band.HasKey(b => new { b.BandKey, b.ArticleId });
            band.Property(b => b.ArticleId).HasMaxLength(16);
        });
        FeedSourceModel.Configure(modelBuilder);
    }
}

/// <summary>The ingestion store on SQLite (migrations in Store/Migrations/Sqlite).</summary>
public sealed class SqliteIngestionDbContext(DbContextOptions<SqliteIngestionDbContext> options) : IngestionDbContext(options);

/// <summary>The ingestion store on PostgreSQL (migrations in Store/Migrations/PostgreSql).</summary>
public sealed class PostgreSqlIngestionDbContext(DbContextOptions<PostgreSqlIngestionDbContext> options) : IngestionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.StoreInstantsAsUtc();
    }
}

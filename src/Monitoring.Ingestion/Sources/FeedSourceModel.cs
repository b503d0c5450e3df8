using Microsoft.EntityFrameworkCore;

namespace Monitoring.Ingestion.Sources;

/// <summary>The tables of the sources store inside <see cref="Store.IngestionDbContext"/>.</summary>
internal static class FeedSourceModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeedSource>(source =>
        {
            source.Property(s => s.Name).HasMaxLength(200);
            source.Property(s => s.Url).HasMaxLength(2_000);
            source.HasIndex(s => s.Url).IsUnique();
            source.Property(s => s.Language).HasMaxLength(8);
            source.Property(s => s.Country).HasMaxLength(2);
            source.Property(s => s.TimeZone).HasMaxLength(64);
            source.Property(s => s.ETag).HasMaxLength(500);
            source.Property(s => s.LastModified).HasMaxLength(100);
        });
        modelBuilder.Entity<FeedItemRecord>(record =>
        {
            record.Property(r => r.Key).HasMaxLength(2_100);
            record.HasIndex(r => new { r.SourceId, r.Key }).IsUnique();
            record.HasOne<FeedSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

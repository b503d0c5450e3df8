using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Outlets;

namespace Monitoring.Ingestion.Sources;

/// <summary>The tables of the sources store (outlet groups included) inside <see cref="Store.IngestionDbContext"/>.</summary>
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
            source.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
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
        modelBuilder.Entity<OutletGroup>(group =>
        {
            group.Property(g => g.Name).HasMaxLength(OutletGroup.MaxNameLength);
            group.Property(g => g.Description).HasMaxLength(OutletGroup.MaxDescriptionLength);
            group.HasIndex(g => g.Name).IsUnique();
        });
        modelBuilder.Entity<OutletGroupMember>(member =>
        {
            member.HasKey(m => new { m.GroupId, m.SourceId });
            member.HasIndex(m => m.SourceId);
            member.HasOne<OutletGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne<FeedSource>().WithMany().HasForeignKey(m => m.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

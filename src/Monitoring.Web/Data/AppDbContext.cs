using Microsoft.EntityFrameworkCore;
using Monitoring.Web.Features.Alerts;
using Monitoring.Web.Features.Annotations;

namespace Monitoring.Web.Data;

/// <summary>
/// The web app's own relational data: what analysts and editors create (event annotations now; alerts,
/// users and their settings later), as opposed to the articles, which live in the search engine.
/// The schema evolves through EF Core migrations in Data/Migrations, applied at start-up.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<EventAnnotation> EventAnnotations => Set<EventAnnotation>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertMatch> AlertMatches => Set<AlertMatch>();

    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AlertScanState> AlertScanStates => Set<AlertScanState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EventAnnotation>(annotation =>
        {
            annotation.ToTable("EventAnnotations");
            annotation.Property(a => a.Label).HasMaxLength(EventAnnotation.MaxLabelLength);
            annotation.Property(a => a.Link).HasMaxLength(EventAnnotation.MaxLinkLength);
            annotation.HasIndex(a => a.Date);
            annotation.HasData(EventAnnotation.DemoEvents);
        });
        AlertsModel.Configure(modelBuilder);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Monitoring.Alerts.Data;

namespace Monitoring.Alerts;

/// <summary>How the alert tables are stored.</summary>
public static class AlertsModel
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = UtcTicksConverters.Required;

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUtcTicks = UtcTicksConverters.Optional;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<Alert>(alert =>
        {
            alert.ToTable("Alerts");
            alert.Property(a => a.Name).HasMaxLength(Alert.MaxNameLength);
            alert.Property(a => a.Owner).HasMaxLength(Alert.MaxUserLength);
            alert.Property(a => a.TimeZone).HasMaxLength(64);
            alert.Property(a => a.SharedWith).HasMaxLength(Alert.MaxAddressListLength);
            alert.Property(a => a.EmailRecipients).HasMaxLength(Alert.MaxAddressListLength);
            alert.Property(a => a.WebhookUrl).HasMaxLength(Alert.MaxUrlLength);
            alert.Property(a => a.WebhookSecret).HasMaxLength(200);
            alert.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
            alert.Property(a => a.DigestOrder).HasConversion<string>().HasMaxLength(16);
            alert.Property(a => a.WebhookFormat).HasConversion<string>().HasMaxLength(16);
            alert.Property(a => a.SnoozedUntil).HasConversion(NullableUtcTicks);
            alert.Property(a => a.CreatedAt).HasConversion(UtcTicks);
            alert.Property(a => a.UpdatedAt).HasConversion(UtcTicks);
            alert.Property(a => a.DigestedUntil).HasConversion(NullableUtcTicks);
            alert.HasIndex(a => a.Owner);
        });
        model.Entity<AlertMatch>(match =>
        {
            match.ToTable("AlertMatches");
            match.Property(m => m.ArticleId).HasMaxLength(64);
            match.Property(m => m.StoryKey).HasMaxLength(64);
            match.Property(m => m.SearchableAt).HasConversion(UtcTicks);
            match.Property(m => m.MatchedAt).HasConversion(UtcTicks);
            match.HasIndex(m => new { m.AlertId, m.ArticleId }).IsUnique();
            match.HasIndex(m => new { m.AlertId, m.StoryKey });
            match.HasIndex(m => new { m.AlertId, m.SearchableAt });
            match.HasOne<Alert>().WithMany().HasForeignKey(m => m.AlertId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AlertDelivery>(delivery =>
        {
            delivery.ToTable("AlertDeliveries");
            delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.Key).HasMaxLength(64);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.Property(d => d.PeriodStart).HasConversion(NullableUtcTicks);
            delivery.Property(d => d.PeriodEnd).HasConversion(NullableUtcTicks);
            delivery.Property(d => d.CreatedAt).HasConversion(UtcTicks);
            delivery.Property(d => d.NextAttemptAt).HasConversion(UtcTicks);
            delivery.Property(d => d.SentAt).HasConversion(NullableUtcTicks);
            delivery.HasIndex(d => new { d.AlertId, d.Channel, d.Key }).IsUnique();
            delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
            delivery.HasOne<Alert>().WithMany().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Notification>(notification =>
        {
            notification.ToTable("Notifications");
            notification.Property(n => n.Recipient).HasMaxLength(Alert.MaxUserLength);
            notification.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
            notification.Property(n => n.Summary).HasMaxLength(2000);
            notification.Property(n => n.Link).HasMaxLength(Alert.MaxUrlLength);
            notification.Property(n => n.CreatedAt).HasConversion(UtcTicks);
            notification.Property(n => n.ReadAt).HasConversion(NullableUtcTicks);
            notification.HasIndex(n => new { n.DeliveryId, n.Recipient }).IsUnique();
            notification.HasIndex(n => new { n.Recipient, n.ReadAt });
            notification.HasOne<Alert>().WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AlertScanState>(state =>
        {
            state.ToTable("AlertScanState");
            state.Property(s => s.Id).ValueGeneratedNever();
        });
    }
}

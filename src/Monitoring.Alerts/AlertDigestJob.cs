using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts.Data;
using Monitoring.Core.Alerts;
using Monitoring.Core.Search;

namespace Monitoring.Alerts;

/// <summary>
/// Turns each closed hour or day of an hourly or daily alert into one pending delivery per channel,
/// when the period has matches. Every period since the last one digested is covered, so a process that
/// was down over a day boundary catches up; the unique key per period keeps a repeated run harmless.
/// </summary>
public sealed class AlertDigestJob(IDbContextFactory<AlertsDbContext> app, TimeProvider clock)
{
    public const string RecurringJobId = "alert-digests";

    /// <summary>Returns how many deliveries it created.</summary>
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> AssembleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var db = await app.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var alerts = await db.Alerts
                .Where(alert => alert.Mode != DeliveryMode.Instant)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var created = 0;
            foreach (var alert in alerts)
            {
                var zone = ZonedDates.Find(alert.TimeZone);
                var period = DigestPeriod.Containing(alert.Mode, alert.DigestedUntil ?? alert.CreatedAt, zone);
                while (period.End <= now)
                {
                    created += await AddDeliveriesAsync(db, alert, period, now, cancellationToken).ConfigureAwait(false);
                    alert.DigestedUntil = period.End;
                    period = DigestPeriod.Containing(alert.Mode, period.End, zone);
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return created;
        }
    }

    private static async Task<int> AddDeliveriesAsync(AlertsDbContext db, Alert alert, DigestPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hasNews = await db.DigestMatches(alert, period.Start, period.End).AnyAsync(cancellationToken).ConfigureAwait(false);
        if (!hasNews || alert.Paused)
        {
            return 0;
        }

        var created = 0;
        foreach (var channel in alert.Channels())
        {
            var exists = await db.AlertDeliveries.AnyAsync(
                delivery => delivery.AlertId == alert.Id && delivery.Channel == channel && delivery.Key == period.Key,
                cancellationToken).ConfigureAwait(false);
            if (!exists)
            {
                db.AlertDeliveries.Add(new AlertDelivery
                {
                    AlertId = alert.Id,
                    Channel = channel,
                    Key = period.Key,
                    PeriodStart = period.Start,
                    PeriodEnd = period.End,
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                created++;
            }
        }

        return created;
    }
}

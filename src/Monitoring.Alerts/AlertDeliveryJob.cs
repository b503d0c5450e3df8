using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitoring.Alerts.Data;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Fetching;

namespace Monitoring.Alerts;

/// <summary>
/// Sends the pending deliveries that are due, each through its channel, and records the outcome of each
/// one before the next is sent: a sent delivery is never sent again by a later run; a failed one is
/// retried on the schedule and then marked failed, with its error shown on the alert.
/// </summary>
/// <remarks>
/// A crash between a channel accepting a message and the outcome being saved sends that one message
/// again on restart; every message carries its delivery id (e-mail Message-ID, webhook header) so the
/// receiver can drop the repeat. The in-app channel is keyed by delivery and adds nothing twice.
/// </remarks>
public sealed partial class AlertDeliveryJob(
    IDbContextFactory<AlertsDbContext> app,
    IArticleSearch search,
    IEnumerable<IAlertChannel> channels,
    IOptions<AlertsOptions> options,
    TimeProvider clock,
    ILogger<AlertDeliveryJob> logger)
{
    public const string RecurringJobId = "alert-delivery";

    private const int BatchSize = 100;

    /// <summary>
    /// Sends every delivery that is due, in batches of <see cref="BatchSize"/> until none is left (a burst of
    /// matches goes out in one run, not a batch per trigger); returns how many were sent.
    /// </summary>
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    [Hangfire.AutomaticRetry(Attempts = 0)]
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var byKind = channels.ToDictionary(channel => channel.Kind);
        var db = await app.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Each delivery is taken once per run (by id), so one that failed and is due again at once waits for the next run.
            var after = 0L;
            while (true)
            {
                var now = clock.GetUtcNow();
                var due = await db.AlertDeliveries
                    .Where(delivery => delivery.State == DeliveryState.Pending && delivery.NextAttemptAt <= now && delivery.Id > after)
                    .OrderBy(delivery => delivery.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (due.Count == 0)
                {
                    break;
                }

                sent += await SendAsync(db, due, byKind, cancellationToken).ConfigureAwait(false);
                after = due[^1].Id;
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }

    private async Task<int> SendAsync(AlertsDbContext db, List<AlertDelivery> due, Dictionary<AlertChannel, IAlertChannel> byKind, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var delivery in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var alert = await db.Alerts.AsNoTracking().SingleAsync(alert => alert.Id == delivery.AlertId, cancellationToken).ConfigureAwait(false);
            try
            {
                var message = await ComposeAsync(db, delivery, alert, cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    delivery.State = DeliveryState.Failed;
                    delivery.LastError = "The matched articles are no longer in the search index.";
                }
                else
                {
                    await byKind[delivery.Channel].SendAsync(message, cancellationToken).ConfigureAwait(false);
                    delivery.State = DeliveryState.Sent;
                    delivery.Attempts++;
                    delivery.SentAt = clock.GetUtcNow();
                    delivery.LastError = null;
                    sent++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                delivery.Attempts++;
                delivery.LastError = exception.Message;
                var refusal = RefusalIn(exception);
                if (refusal is not null)
                {
                    // The outbound rules refuse this address today and will tomorrow: retrying only delays the verdict.
                    delivery.LastError = $"{refusal.Message} (not retried: the address is refused, not unreachable)";
                }

                var next = refusal is null ? options.Value.RetrySchedule.NextAttempt(delivery.Attempts, clock.GetUtcNow()) : null;
                if (next is { } retryAt)
                {
                    delivery.NextAttemptAt = retryAt;
                }
                else
                {
                    delivery.State = DeliveryState.Failed;
                }

                LogFailed(logger, exception, delivery.Channel, alert.Name, delivery.Attempts);
            }

            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<AlertMessage?> ComposeAsync(AlertsDbContext db, AlertDelivery delivery, Alert alert, CancellationToken cancellationToken)
    {
        List<string> articleIds;
        DigestPeriod? period = null;
        if (delivery.IsDigest)
        {
            period = new DigestPeriod(delivery.PeriodStart!.Value, delivery.PeriodEnd!.Value, delivery.Key);
            articleIds = await db.DigestMatches(alert, period.Start, period.End)
                .Select(match => match.ArticleId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            articleIds = [delivery.Key];
        }

        var articles = new List<EnrichedArticle>();
        foreach (var id in articleIds)
        {
            if (await search.GetAsync(ArticleId.Parse(id), cancellationToken).ConfigureAwait(false) is { } article)
            {
                articles.Add(article);
            }
        }

        var stories = DigestStory.Assemble(articles, alert.DigestOrder);
        return stories.Count == 0 ? null : new AlertMessage(delivery.Id, alert, stories, period, options.Value.PublicBaseUrl);
    }

    /// <summary>The destination guard's refusal behind a failed send (the HTTP client wraps it), if that is why it failed.</summary>
    private static DestinationRefusedException? RefusalIn(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is DestinationRefusedException { IsPermanent: true } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery by {Channel} for '{Alert}' failed (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, Exception exception, AlertChannel channel, string alert, int attempt);
}

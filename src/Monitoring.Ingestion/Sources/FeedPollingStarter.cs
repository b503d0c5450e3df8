using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Sources;

/// <summary>
/// At start-up: loads <c>seeds/sources.json</c> into an empty
/// sources store, and keeps the minutely dispatcher scheduled (or removes it when polling is off).
/// </summary>
public sealed partial class FeedPollingStarter(
    IDbContextFactory<IngestionDbContext> store,
    IRecurringJobManager recurringJobs,
    SeedsLocation seeds,
    IOptions<FeedPollingOptions> options,
    TimeProvider clock,
    ILogger<FeedPollingStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var seedFile = Path.Combine(seeds.FullPath, SeedSources.FileName);
            if (options.Value.LoadSeedSources && File.Exists(seedFile) && !await db.FeedSources.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = clock.GetUtcNow();
                var sources = SeedSources.Read(seedFile);
                db.FeedSources.AddRange(sources.DistinctBy(source => source.Url, StringComparer.OrdinalIgnoreCase).Select(source => source.ToSource(now)));
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                LogSeeded(logger, sources.Count, seedFile);
            }
        }

        if (options.Value.Enabled)
        {
            recurringJobs.AddOrUpdate<FeedPollDispatcher>(FeedPollDispatcher.RecurringJobId, dispatcher => dispatcher.DispatchAsync(CancellationToken.None), Cron.Minutely());
        }
        else
        {
            recurringJobs.RemoveIfExists(FeedPollDispatcher.RecurringJobId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} starter sources from {File}")]
    private static partial void LogSeeded(ILogger logger, int count, string file);
}

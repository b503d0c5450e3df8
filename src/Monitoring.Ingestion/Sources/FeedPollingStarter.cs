using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Outlets;
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
                var stored = sources.DistinctBy(source => source.Url ?? "name:" + source.Name, StringComparer.OrdinalIgnoreCase).Select(source => source.ToSource(now)).ToList();
                db.FeedSources.AddRange(stored);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await AddSeedGroupsAsync(db, SeedSources.ReadGroups(seedFile), stored, now, cancellationToken).ConfigureAwait(false);
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

    // Groups come with the starter sources only: a store that has sources already is the editors' own.
    private static async Task AddSeedGroupsAsync(IngestionDbContext db, IReadOnlyList<SeedOutletGroup> groups, IReadOnlyList<FeedSource> sources, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = groups.DistinctBy(group => group.Name, StringComparer.OrdinalIgnoreCase)
            .Select(group => (Seed: group, Row: new OutletGroup { Name = group.Name, Description = group.Description, CreatedAt = now }))
            .ToList();
        db.OutletGroups.AddRange(stored.Select(group => group.Row));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var byName = sources.ToLookup(source => source.Name, StringComparer.OrdinalIgnoreCase);
        db.OutletGroupMembers.AddRange(stored
            .SelectMany(group => group.Seed.Sources.SelectMany(name => byName[name]).Select(source => new OutletGroupMember { GroupId = group.Row.Id, SourceId = source.Id }))
            .DistinctBy(member => (member.GroupId, member.SourceId)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} starter sources from {File}")]
    private static partial void LogSeeded(ILogger logger, int count, string file);
}

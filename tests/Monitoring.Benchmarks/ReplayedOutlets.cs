using System.Globalization;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Enrichment;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Gives every replayed article one of the starter outlets of <c>seeds/sources.json</c> as its source, and that
/// outlet's country, kind and groups the way the product does: the starter sources and groups are loaded into a
/// sources store by the app's own start-up step (<see cref="FeedPollingStarter"/>), and each article gets its
/// source's outlet data from <see cref="OutletDirectory"/>, as the inbox job gives it. The Reuters stories have
/// one source; the replay spreads them over 22 outlets of unequal output (<see cref="Shares"/>), so the seeds'
/// 13 groups are of unequal sizes (Serbia — national 38% of the articles, Reference and aggregators 1%, Bosnia —
/// Republika Srpska none) and five outlets are in two groups.
/// </summary>
internal sealed class ReplayedOutlets
{
    /// <summary>
    /// Per cent of the replayed articles each starter outlet publishes: the national broadcasters and private
    /// networks most, portals and international services less, investigative and reference outlets least.
    /// Which outlet an article gets is decided by a stable hash of its replayed id, so copies of one story go to
    /// different outlets, and every build of the index is the same.
    /// </summary>
    public static readonly IReadOnlyList<(string Source, int Share)> Shares =
    [
        ("N1 Srbija", 12),
        ("RTS", 10),
        ("Nova.rs", 8),
        ("Danas", 7),
        ("N1 BiH", 7),
        ("N1 Hrvatska", 7),
        ("Kosovo Online", 6),
        ("Radio Slobodna Evropa (RFE/RL Balkan Service)", 6),
        ("Radio Evropa e Lirë (RFE/RL Albanian / Kosovo)", 5),
        ("Balkan Insight (BIRN)", 4),
        ("BBC News na srpskom", 4),
        ("KoSSev", 3),
        ("DW Bosanski", 3),
        ("Sarajevo Times", 3),
        ("Prishtina Insight", 3),
        ("Meta.mk", 3),
        ("Exit News", 3),
        ("Kosovo 2.0", 2),
        ("Reporter.al (BIRN Albania)", 1),
        ("Peščanik", 1),
        ("RFE/RL", 1),
        ("Wikipedia Current events", 1),
    ];

    private readonly OutletDirectory _outlets;
    private readonly string[] _sourceOfSlot;

    private ReplayedOutlets(OutletDirectory outlets, IReadOnlyDictionary<string, string> groupIds)
    {
        _outlets = outlets;
        GroupIds = groupIds;
        _sourceOfSlot = [.. Shares.SelectMany(share => Enumerable.Repeat(share.Source, share.Share))];
    }

    /// <summary>The id an outlet group of the seeds has in the index (as <c>ArticleQuery.OutletGroups</c> takes it), by name.</summary>
    public IReadOnlyDictionary<string, string> GroupIds { get; }

    /// <summary>The outlets of the starter sources, loaded into a fresh sources store in a temporary folder.</summary>
    public static async Task<ReplayedOutlets> LoadAsync()
    {
        var folder = Directory.CreateTempSubdirectory("replayed-outlets-").FullName;
        var store = IngestionStoreFactory.Sqlite(Path.Combine(folder, "sources.db"));
        using (var db = store.CreateDbContext())
        {
            db.Migrate();
        }

        using var jobs = new InMemoryStorage();
        var starter = new FeedPollingStarter(
            store,
            new RecurringJobManager(jobs),
            new SeedsLocation(RepositoryPaths.Seeds, RepositoryPaths.Seeds),
            Microsoft.Extensions.Options.Options.Create(new FeedPollingOptions { Enabled = false, LoadSeedSources = true }),
            TimeProvider.System,
            NullLogger<FeedPollingStarter>.Instance);
        await starter.StartAsync(CancellationToken.None);
        OutletDirectory outlets;
        Dictionary<string, string> groupIds;
        using (var db = store.CreateDbContext())
        {
            outlets = await OutletDirectory.LoadAsync(db, CancellationToken.None);
            groupIds = db.OutletGroups.ToDictionary(group => group.Name, group => group.Id.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var missing = Shares.Select(share => share.Source).Where(source => outlets.For(source) is null).ToList();
        return missing.Count == 0
            ? new ReplayedOutlets(outlets, groupIds)
            : throw new InvalidDataException($"seeds/sources.json no longer has the replay's outlets {string.Join(", ", missing)}: update ReplayedOutlets.Shares");
    }

    /// <summary>The article published by the outlet its id falls to, with that outlet's country, kind and groups.</summary>
    public EnrichedArticle Assign(EnrichedArticle enriched)
    {
        var source = _sourceOfSlot[(int)(StableHash(enriched.Article.Id.Value) % (uint)_sourceOfSlot.Length)];
        return enriched with { Article = _outlets.Apply(enriched.Article with { Source = source }) };
    }

    // FNV-1a: string.GetHashCode differs from one process to the next.
    private static uint StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 16777619;
        }

        return hash;
    }
}

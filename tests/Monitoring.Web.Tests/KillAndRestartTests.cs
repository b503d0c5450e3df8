using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Web.Tests;

/// <summary>
/// The app as a real process, killed with SIGKILL (<c>kill -9</c>) while it indexes a file dropped in its folder, and
/// started again on the same data: the work left queued must resume within seconds of the new start (neither the
/// dead process's job locks nor its in-flight jobs may hold it), and nothing may be lost or indexed twice. On the
/// embedded default (SQLite job storage) and on PostgreSQL job storage, the one a multi-node deployment uses.
/// </summary>
[Collection(nameof(KillAndRestartTests))] // timed: alone, not beside the rest of the project's tests
public sealed class KillAndRestartTests(PostgreSqlServer postgres) : IDisposable
{
    /// <summary>Issue 19: queued work resumes within 5 s of the new start.</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(5);

    // Small batches: the kill lands with batches committed and batches left, and the restarted app's first commit, which
    // shows that the work resumed, comes after a few items rather than a default batch of 500.
    private static readonly string[] SmallBatches = ["--Ingestion:BatchSize", "20"];

    // The first 400 of the shipped demo corpus's short articles.
    private const int Records = 400;

    // Logged by InboxProcessingJob when a run begins on pending work.
    private const string InboxRunStarted = "Inbox run started on pending items";

    private static readonly string Corpus = Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-kill-restart-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "ingestion.db");

    [Fact]
    public Task TheApp_KilledWhileIndexing_OnSqliteJobStorage_ResumesWithinFiveSecondsOfTheNextStart_AndIndexesEveryItemOnce() =>
        KillWhileIndexingAndRestartAsync([]);

    [Fact]
    public async Task TheApp_KilledWhileIndexing_OnPostgreSqlJobStorage_ResumesWithinFiveSecondsOfTheNextStart_AndIndexesEveryItemOnce()
    {
        var database = await postgres.CreateDatabaseAsync();
        await KillWhileIndexingAndRestartAsync(["--Jobs:Storage", "PostgreSql", "--Jobs:PostgreSqlConnectionString", database.ConnectionString]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task KillWhileIndexingAndRestartAsync(string[] jobStorage)
    {
        InboxCounts atKill;
        await using (var first = await StartAsync(jobStorage))
        {
            Drop(Corpus, Records);
            atKill = await WaitForCountsAsync(first, counts => counts.Indexed >= 50 && counts.Pending > 0, "index part of the dropped file");
            await first.KillAsync();
        }

        atKill = await CountAsync();
        Assert.True(atKill.Pending > 0, $"The kill came after everything was indexed ({atKill}): nothing was left to resume.");

        await using var second = await StartAsync(jobStorage);
        var sinceReady = Stopwatch.StartNew();

        // Resumed = the restarted app's inbox run has taken its job lock and read the first pending batch: what a dead
        // process's locks or fetched jobs would delay. The CPU work of that batch (enriching, indexing) is not part of it,
        // so a busy machine does not decide the figure; it is reported beside it (first commit, all drained).
        await second.WaitForLogAsync(InboxRunStarted);
        var resumedAfter = sinceReady.Elapsed;
        await WaitForCountsAsync(second, counts => counts.Pending < atKill.Pending, "commit the first batch of the items the kill left pending");
        var firstCommitAfter = sinceReady.Elapsed;
        await second.WaitForInboxDrainedAsync();
        var drainedAfter = sinceReady.Elapsed;
        var after = await CountAsync();
        await second.WaitForAsync(async _ => await second.ArticleCountAsync() >= after.Known, "make the indexed articles searchable", TimeSpan.FromSeconds(30));
        var searchable = await second.ArticleCountAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"killed with {atKill.Pending} of {Records} items pending; after the restarted app answered /health: resumed {resumedAfter.TotalSeconds:0.0} s, " +
            $"first batch committed {firstCommitAfter.TotalSeconds:0.0} s, all drained {drainedAfter.TotalSeconds:0.0} s");

        Assert.True(
            resumedAfter <= ResumeWithin,
            $"The restarted app took up the {atKill.Pending} items left pending {resumedAfter.TotalSeconds:0.0} s after it answered /health " +
            $"(at most {ResumeWithin.TotalSeconds:0} s; all indexed after {drainedAfter.TotalSeconds:0.0} s):\n{second.Log}");

        // Nothing lost: every record of the file is an inbox item once (the file was not read again), none left pending.
        Assert.Equal(Records, after.Total);
        Assert.Equal(0, after.Pending);
        Assert.Equal(Records, after.Indexed + after.Duplicates + after.Quarantined);

        // Nothing twice: each indexed item registered one article, and the index holds each article once.
        Assert.Equal(after.Indexed, after.Known);
        Assert.Equal(after.Known, searchable);
        Assert.True(after.Indexed > Records / 2, $"only {after} of {Records} records became articles");
    }

    private Task<AppProcess> StartAsync(string[] settings) => AppProcess.StartWebAsync(
        _folder,
        [
            "--Ingestion:IngestSeedsOnStart", "false",
            "--Ingestion:Feeds:Enabled", "false",
            "--Ingestion:DropFolderSettleTime", "00:00:00.200",
            .. SmallBatches,
            .. settings,
        ]);

    /// <summary>Puts the first <paramref name="records"/> lines of <paramref name="file"/> into the drop folder at once (written beside it, then moved in).</summary>
    private void Drop(string file, int records)
    {
        var drop = Directory.CreateDirectory(Path.Combine(_folder, "drop")).FullName;
        var staged = Path.Combine(_folder, Path.GetFileName(file));
        File.WriteAllLines(staged, File.ReadLines(file).Where(line => !string.IsNullOrWhiteSpace(line)).Take(records));
        File.Move(staged, Path.Combine(drop, Path.GetFileName(file)));
    }

    private async Task<InboxCounts> WaitForCountsAsync(AppProcess app, Func<InboxCounts, bool> condition, string what)
    {
        InboxCounts? reached = null;
        await app.WaitForAsync(
            async _ =>
            {
                var counts = await CountAsync();
                reached = condition(counts) ? counts : null;
                return reached is not null;
            },
            what);
        return reached!;
    }

    private async Task<InboxCounts> CountAsync()
    {
        if (!File.Exists(StorePath))
        {
            return new InboxCounts(0, 0, 0, 0, 0);
        }

        await using var db = IngestionStoreFactory.Sqlite(StorePath).CreateDbContext();
        var states = await db.InboxItems.GroupBy(item => item.State).Select(group => new { group.Key, Count = group.Count() }).ToListAsync(Cancel);
        int Of(InboxItemState state) => states.SingleOrDefault(group => group.Key == state)?.Count ?? 0;
        return new InboxCounts(
            Of(InboxItemState.Pending), Of(InboxItemState.Indexed), Of(InboxItemState.Duplicate), Of(InboxItemState.Quarantined), await db.KnownArticles.CountAsync(Cancel));
    }

    private sealed record InboxCounts(int Pending, int Indexed, int Duplicates, int Quarantined, int Known)
    {
        public int Total => Pending + Indexed + Duplicates + Quarantined;
    }
}

[CollectionDefinition(nameof(KillAndRestartTests), DisableParallelization = true)]
public sealed class KillAndRestartCollection;

using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Store;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Inbox;

/// <summary>
/// A real inbox (a SQLite file, or a PostgreSQL database), a real Lucene index and Hangfire's in-memory storage
/// in a temporary folder; the index is observed so tests can see every write and make it fail at a chosen step.
/// </summary>
internal sealed class InboxHarness : IDisposable
{
    public static readonly ArticleEnricher Enricher = new(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
    public static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-inbox-").FullName;

    private readonly IngestionStoreFactory _store;

    /// <summary>On a SQLite file in the harness's folder.</summary>
    public InboxHarness()
        : this(Sqlite)
    {
    }

    /// <param name="store">The store, given the harness's folder for a SQLite file; migrated here.</param>
    public InboxHarness(Func<string, IngestionStoreFactory> store)
    {
        _store = store(_folder);
        Lucene = new LuceneArticleIndex(Path.Combine(_folder, "index"));
        Index = new ObservedIndex(Lucene);
        using var db = _store.CreateDbContext();
        db.Migrate();
    }

    public LuceneArticleIndex Lucene { get; }

    public ObservedIndex Index { get; }

    public InMemoryStorage JobStorage { get; } = new(new InMemoryStorageOptions());

    public IngestionOptions Options { get; } = new();

    /// <summary>Told after each run that indexed something.</summary>
    public List<IArticlesIndexedHandler> IndexedHandlers { get; } = [];

    public static IngestionStoreFactory Sqlite(string folder) => IngestionStoreFactory.Sqlite(Path.Combine(folder, "ingestion.db"));

    public IngestionDbContext OpenStore() => _store.CreateDbContext();

    /// <summary>The outlet editor on this harness's store; its re-tags are enqueued on <see cref="JobStorage"/>.</summary>
    public OutletCatalog CreateOutlets() => new(_store, new BackgroundJobClient(JobStorage), new FixedClock(Now));

    /// <summary>The re-tag job as the worker runs it: reading and writing this harness's index.</summary>
    public OutletRetagJob CreateRetagJob() => new(_store, Lucene, Lucene, NullLogger<OutletRetagJob>.Instance);

    public IngestionPipeline CreatePipeline() => new(CreateRecorder(), new BackgroundJobClient(JobStorage));

    public InboxRecorder CreateRecorder() => new(_store, new FixedClock(Now));

    public InboxProcessingJob CreateJob(IArticleIndex? index = null) => new(
        _store,
        index ?? Index,
        Enricher,
        Microsoft.Extensions.Options.Options.Create(Options),
        new FixedClock(Now),
        IndexedHandlers,
        new IndexWriteStatus(new FixedClock(Now)),
        NullLogger<InboxProcessingJob>.Instance);

    public Task<InboxRunSummary> ProcessAllAsync(CancellationToken cancellationToken = default) =>
        CreateJob().ProcessAsync(0, long.MaxValue, cancellationToken);

    public async Task<List<InboxItem>> ItemsAsync()
    {
        using var db = OpenStore();
        return await db.InboxItems.OrderBy(item => item.Id).ToListAsync();
    }

    public static IncomingArticle Story(int number, string? url = null) => new()
    {
        Title = $"Story {number}: Serbia and Kosovo talks in Brussels",
        Text = $"Belgrade and Pristina negotiators met in Brussels for round {number} of the EU-facilitated dialogue.\n\nThe talks ended without agreement.",
        Source = "Test Wire",
        Url = url ?? $"https://news.example.org/story/{number}",
        Published = "2025-11-03T10:00:00Z",
        Language = "en",
    };

    public void Dispose()
    {
        Lucene.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Where a simulated crash happens, counted in calls to <see cref="IArticleIndex.IndexAsync"/>.</summary>
public enum CrashPoint
{
    None,
    BeforeLookup,
    BeforeIndexWrite,
    AfterIndexWrite,
    CancelledAfterIndexWrite,
}

/// <summary>The real index, with every write recorded and an optional crash on the n-th batch.</summary>
internal sealed class ObservedIndex(IArticleIndex inner) : IArticleIndex
{
    private int _batches;

    public List<ArticleId> Written { get; } = [];

    public CrashPoint Crash { get; set; }

    /// <summary>The batch (1-based) at which <see cref="Crash"/> happens.</summary>
    public int CrashOnBatch { get; set; } = 1;

    /// <summary>Cancelled at <see cref="CrashPoint.CancelledAfterIndexWrite"/>, as a host shutting down would.</summary>
    public CancellationTokenSource Shutdown { get; } = new();

    public async Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        if (Crash == CrashPoint.BeforeLookup && _batches + 1 == CrashOnBatch)
        {
            throw new IOException("simulated crash before the lookup");
        }

        return await inner.FindExistingAsync(ids, cancellationToken);
    }

    public async Task IndexAsync(IReadOnlyCollection<Core.Enrichment.EnrichedArticle> articles, CancellationToken cancellationToken = default)
    {
        var batch = ++_batches;
        var crashesHere = batch == CrashOnBatch;
        if (crashesHere && Crash == CrashPoint.BeforeIndexWrite)
        {
            throw new IOException("simulated crash before the index write");
        }

        await inner.IndexAsync(articles, cancellationToken);
        Written.AddRange(articles.Select(article => article.Id));
        if (crashesHere && Crash == CrashPoint.AfterIndexWrite)
        {
            throw new IOException("simulated crash after the index write");
        }

        if (crashesHere && Crash == CrashPoint.CancelledAfterIndexWrite)
        {
            await Shutdown.CancelAsync();
        }
    }
}

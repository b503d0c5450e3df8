using System.Diagnostics;
using System.Runtime;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Ingestion;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 2: parse → enrich → index on the Reuters-21578 SGML files into an empty embedded Lucene index through
/// the real pipeline (<see cref="IngestionPipeline"/> records each story as <c>monitoring import</c> reads it into a
/// fresh SQLite inbox while <see cref="InboxProcessingJob"/> normalises, deduplicates, places in stories, enriches
/// and indexes in batches of 500, the next batch prepared while the current one is written), against two baselines
/// on the same stories: the product's index without enrichment (empty tags: its analyser, fields and stored JSON),
/// and bare Lucene.Net (StandardAnalyzer; id, title, body, source, language and the two dates; title and body
/// stored; the same batches and commits). Every variant includes reading and parsing the files.
/// </summary>
internal static class IngestBenchmark
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = options.Int("rounds", 2);
        var root = Path.Combine(options.IndexRoot, "ingest");
        var start = Machine.Start("Bulk ingest: parse → enrich → index (embedded Lucene), Reuters-21578 SGML");
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        var variants = new (string Name, Func<string, Task<int>> Run)[]
        {
            ("bare Lucene.Net", folder => Task.FromResult(IndexBare(folder))),
            ("product index, no enrichment", folder => IndexProductAsync(folder, batch => [.. batch.Select(article => new EnrichedArticle(article, ArticleTags.None))])),
            ("full pipeline, one core", folder => IndexThroughPipelineAsync(folder, enricher, oneCore: true)),
            ("full pipeline", folder => IndexThroughPipelineAsync(folder, enricher, oneCore: false)),
        };
        // One variant alone, for a profiler: `--only "full pipeline"`; nothing is recorded then.
        var only = options.Text("only", "");
        if (only.Length > 0)
        {
            var names = string.Join(", ", variants.Select(variant => $"\"{variant.Name}\""));
            variants = variants.Where(variant => variant.Name == only).ToArray();
            if (variants.Length == 0)
            {
                Console.Error.WriteLine($"--only: no variant is named \"{only}\"; the variants are {names}.");
                return 2;
            }
        }

        // Warm-up: JIT and file cache, one round of each, not counted.
        var results = variants.ToDictionary(variant => variant.Name, _ => new List<(double Wall, double Cpu, int Count)>());
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, run) in variants)
            {
                var folder = Path.Combine(root, name.Replace(' ', '-').Replace(",", "", StringComparison.Ordinal));
                if (System.IO.Directory.Exists(folder))
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }

                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var pausesBefore = GC.GetTotalPauseDuration();
                var jitBefore = JitInfo.GetCompilationTime();
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                var collectionsBefore = GC.CollectionCount(0);
                var fullCollectionsBefore = GC.CollectionCount(2);
                var watch = Stopwatch.StartNew();
                var count = await run(folder);
                watch.Stop();
                process.Refresh();
                if (round > 0)
                {
                    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                    results[name].Add((watch.Elapsed.TotalSeconds, cpu, count));
                    Console.WriteLine($"  {name,-30} {count:N0} articles in {watch.Elapsed.TotalSeconds:N1} s: {count / watch.Elapsed.TotalSeconds:N0} articles/s; CPU {cpu:N1} s ({count / cpu:N0} per CPU-second); load {Machine.LoadAverage()}; GC pauses {(GC.GetTotalPauseDuration() - pausesBefore).TotalSeconds:N2} s in {GC.CollectionCount(0) - collectionsBefore:N0} collections ({GC.CollectionCount(2) - fullCollectionsBefore:N0} full), {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e9:N1} GB allocated, JIT {(JitInfo.GetCompilationTime() - jitBefore).TotalSeconds:N2} s");
                }
            }
        }

        if (only.Length > 0)
        {
            Machine.End();
            return 0;
        }

        var bare = results["bare Lucene.Net"].Min(result => result.Wall);
        var product = results["product index, no enrichment"].Min(result => result.Wall);
        var full = results["full pipeline"].Min(result => result.Wall);
        var oneCore = results["full pipeline, one core"].Min(result => result.Wall);
        var articles = results["full pipeline"][0].Count;
        Console.WriteLine($"  best of {rounds}: full pipeline {articles / full:N0} articles/s (target ≥ 2,000; on one core {articles / oneCore:N0}); bare Lucene {articles / bare:N0} articles/s");
        Console.WriteLine($"  overhead: full pipeline {full / bare:N2}× bare Lucene (target ≤ 1.5×); product index without enrichment {product / bare:N2}×");
        var loadAtEnd = Machine.End();
        return FiguresRecorder.Record(options, start, loadAtEnd, new IngestFigures(
            articles, rounds, full, results["full pipeline"].Min(result => result.Cpu), oneCore, product, bare, results["bare Lucene.Net"].Min(result => result.Cpu)));
    }

    private static IEnumerable<ReutersStory> Stories() =>
        ReutersSgmlReader.ReadFolder(ReutersReplay.Folder)
            .Where(story => !string.IsNullOrWhiteSpace(story.Title) && !string.IsNullOrWhiteSpace(story.Body));

    private static IEnumerable<Article> Parse() =>
        Stories().Select(story => story.ToArticle(story.Date ?? ReutersReplay.UndatedIngestedAt));

    /// <summary>
    /// The product's pipeline as a worker runs it: records each batch of stories in the inbox as they are parsed, while
    /// the inbox job drains the inbox. With <paramref name="oneCore"/> the process may use one core only.
    /// </summary>
    private static async Task<int> IndexThroughPipelineAsync(string folder, ArticleEnricher enricher, bool oneCore)
    {
        using var pinned = oneCore ? ProcessCores.OnOneCore() : null;
        if (oneCore && pinned is null)
        {
            Console.Error.WriteLine("  (\"one core\" runs on every core: threads are pinned on Linux and Windows only)");
        }

        try
        {
            System.IO.Directory.CreateDirectory(folder);
            var store = IngestionStoreFactory.Sqlite(Path.Combine(folder, "ingestion.db"));
            using (var db = store.CreateDbContext())
            {
                db.Migrate();
            }

            using var index = new LuceneArticleIndex(Path.Combine(folder, "index"));
            var clock = TimeProvider.System;
            var pipeline = new IngestionPipeline(new InboxRecorder(store, clock));
            var job = new InboxProcessingJob(store, index, enricher, Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), clock, [], new IndexWriteStatus(clock), NullLogger<InboxProcessingJob>.Instance);
            // As on a worker: the import records while the inbox job drains what is recorded (each run takes every
            // pending item; a run that finds the inbox empty ends, and the next recorded batch starts another).
            using var recorded = new SemaphoreSlim(0);
            var recording = Task.Run(async () =>
            {
                foreach (var batch in Stories().Select(ImportFileReader.FromReuters).Chunk(BatchSize))
                {
                    await pipeline.RecordAsync("import:reuters", batch);
                    recorded.Release();
                }
            });
            while (true)
            {
                var done = recording.IsCompleted;
                var run = await job.ProcessAsync(0, long.MaxValue, CancellationToken.None);
                if (done && run.Read == 0)
                {
                    break;
                }

                if (run.Read == 0)
                {
                    // Caught up with the import: wait for its next batch.
                    await Task.WhenAny(recording, recorded.WaitAsync());
                }
            }

            await recording;
            return (int)await index.CountAsync();
        }
        finally
        {
            // The next round deletes and recreates the folder: no pooled connection may keep the old file open.
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<int> IndexProductAsync(string folder, Func<Article[], IReadOnlyList<EnrichedArticle>> enrich)
    {
        using var index = new LuceneArticleIndex(folder);
        foreach (var batch in Parse().Chunk(BatchSize))
        {
            await index.IndexAsync(enrich(batch));
        }

        return (int)await index.CountAsync();
    }

    private static int IndexBare(string folder)
    {
        const LuceneVersion Version = LuceneVersion.LUCENE_48;
        using var directory = FSDirectory.Open(folder);
        using var analyzer = new StandardAnalyzer(Version);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer));
        foreach (var batch in Parse().Chunk(BatchSize))
        {
            foreach (var article in batch)
            {
                writer.UpdateDocument(new Term("id", article.Id.Value), BareDocument(article));
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    private static Document BareDocument(Article article) =>
    [
        new StringField("id", article.Id.Value, Field.Store.YES),
        new TextField("title", article.Title, Field.Store.YES),
        new TextField("body", article.Body, Field.Store.YES),
        new StringField("source", article.Source, Field.Store.YES),
        new StringField("language", article.Language, Field.Store.YES),
        new Int64Field("published", article.EffectiveDate.ToUnixTimeMilliseconds(), Field.Store.YES),
        new NumericDocValuesField("published", article.EffectiveDate.ToUnixTimeMilliseconds()),
        new Int64Field("ingested", article.IngestedAt.ToUnixTimeMilliseconds(), Field.Store.YES),
        new NumericDocValuesField("ingested", article.IngestedAt.ToUnixTimeMilliseconds()),
    ];
}

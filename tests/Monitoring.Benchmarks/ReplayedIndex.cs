using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Enrichment;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// A Lucene index of the app's own schema holding N replayed Reuters articles (<see cref="ReutersReplay"/>),
/// built once and cached in a folder of its own (<c>&lt;index root&gt;/reuters-replay-N</c>): a complete build
/// leaves a marker file naming the replay's version, so a rerun reuses it and an interrupted one, or one of an older
/// version, starts over. Each article is given an outlet of the starter sources (<see cref="ReplayedOutlets"/>).
/// </summary>
internal static class ReplayedIndex
{
    private const int BatchSize = 10_000;
    private const string CompleteMarker = "replay-complete.txt";

    /// <summary>
    /// Written into the marker: an index built by another version of the replay is built again. 2: each article has
    /// one of the starter outlets as its source, with its country, kind and groups (issue 21).
    /// </summary>
    private const string ReplayVersion = "replay version 2 (outlets)";

    public static string FolderFor(string root, int articles) =>
        Path.Combine(root, "reuters-replay-" + articles.ToString(CultureInfo.InvariantCulture));

    /// <summary>Opens the cached index of <paramref name="articles"/> articles, building it first when needed.</summary>
    public static async Task<LuceneArticleIndex> OpenAsync(string root, int articles)
    {
        var folder = FolderFor(root, articles);
        var marker = Path.Combine(folder, CompleteMarker);
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Contains(ReplayVersion, StringComparison.Ordinal))
        {
            var cached = new LuceneArticleIndex(folder);
            if (await cached.CountAsync() == articles)
            {
                Console.WriteLine($"  index: {articles:N0} replayed articles, cached in {folder}");
                return cached;
            }

            // An index of an older schema is opened empty: build it again.
            cached.Dispose();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine($"  index: building {articles:N0} replayed articles in {folder} (once; reruns reuse it)");
        var collection = EnrichCollection();
        var outlets = await ReplayedOutlets.LoadAsync();
        var replayed = ReutersReplay.Replay(collection, articles).Select(outlets.Assign).ToList();
        Console.WriteLine($"  dated {replayed.Min(article => article.Article.EffectiveDate):yyyy-MM-dd} to {replayed.Max(article => article.Article.EffectiveDate):yyyy-MM-dd}");
        var index = new LuceneArticleIndex(folder);
        var watch = Stopwatch.StartNew();
        foreach (var batch in replayed.Chunk(BatchSize))
        {
            await index.IndexAsync(batch);
            if (watch.Elapsed.TotalSeconds > 0 && (await index.CountAsync()) % 100_000 == 0)
            {
                Console.WriteLine($"    {await index.CountAsync():N0} indexed, {watch.Elapsed.TotalSeconds:N0} s, load {Machine.LoadAverage()}");
            }
        }

        Console.WriteLine($"  index built in {watch.Elapsed.TotalSeconds:N0} s ({articles / watch.Elapsed.TotalSeconds:N0} articles/s), {FolderSize(folder) / 1_048_576:N0} MB");
        await File.WriteAllTextAsync(marker, $"{articles} articles, {ReplayVersion}, {DateTimeOffset.UtcNow:O}\n");
        return index;
    }

    /// <summary>The collection enriched by the real enricher with the shipped model, on all cores.</summary>
    public static List<EnrichedArticle> EnrichCollection()
    {
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        return ReutersReplay.ReadArticles().AsParallel().AsOrdered().Select(enricher.Enrich).ToList();
    }

    private static long FolderSize(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles().Sum(file => file.Length);
}

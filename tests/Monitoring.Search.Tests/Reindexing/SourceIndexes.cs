using Monitoring.Search.Lucene;
using Monitoring.Search.Reindexing;

namespace Monitoring.Search.Tests.Reindexing;

/// <summary>Source indexes for the copy tests, written by the app's own engine.</summary>
internal static class SourceIndexes
{
    /// <summary>A Lucene index in <paramref name="folder"/> holding <paramref name="articles"/>, closed again.</summary>
    public static async Task<string> WriteAsync(string folder, IReadOnlyCollection<EnrichedArticle> articles)
    {
        using var index = new LuceneArticleIndex(folder);
        await index.IndexAsync(articles, TestContext.Current.CancellationToken);
        return folder;
    }

    /// <summary>
    /// The demo corpus as an index holds it: one article per id (the last written wins), in id order as a
    /// copy reads them.
    /// </summary>
    public static IReadOnlyList<EnrichedArticle> DemoArticlesById { get; } =
        [.. DemoCorpus.Articles.GroupBy(article => article.Id).Select(same => same.Last()).OrderBy(article => article.Id.Value, StringComparer.Ordinal)];
}

/// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>) and cancels the copy after a number of batches, as Ctrl+C would.</summary>
internal sealed class StopAfterBatches(int batches) : IProgress<ReindexProgress>
{
    private readonly CancellationTokenSource _stop = new();

    public CancellationToken Token => _stop.Token;

    public List<ReindexProgress> Reports { get; } = [];

    public void Report(ReindexProgress value)
    {
        Reports.Add(value);
        if (Reports.Count == batches)
        {
            _stop.Cancel();
        }
    }
}

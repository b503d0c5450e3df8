using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Tests.Lucene;

/// <summary>
/// The contract suite against the embedded engine searching in three slices of segments at once, as it does a large
/// index on a machine with cores to spare: pages, cursors, facets and distinct counts must come out as from one.
/// Articles are committed a few dozen at a time, so the index has many segments to slice.
/// </summary>
public sealed class LuceneSlicedArticleSearchTests : ArticleSearchContract, IDisposable
{
    private const int Slices = 3;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitoring-search-tests", Guid.NewGuid().ToString("N"));
    private readonly List<LuceneArticleIndex> _opened = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoCorpus_IsSearchedInThreeSlices()
    {
        var engine = await CreateEmptyEngineAsync();

        await engine.Index.IndexAsync(DemoCorpus.Articles, Cancel);

        Assert.Equal(Slices, ((LuceneArticleIndex)engine.Search).SearchSliceCount);
    }

    protected override Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup>? names = null)
    {
        var index = new LuceneArticleIndex(Path.Combine(_root, $"engine-{_opened.Count}"), new SearchSlicing(MinDocuments: 0, Slices), names);
        _opened.Add(index);
        return Task.FromResult(new SearchEngineUnderTest(new CommittedInSmallBatches(index), index));
    }

    public void Dispose()
    {
        foreach (var index in _opened)
        {
            index.Dispose();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The real index, written 50 articles per commit: each commit makes a segment.</summary>
    private sealed class CommittedInSmallBatches(LuceneArticleIndex index) : IArticleIndex
    {
        public async Task IndexAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
        {
            foreach (var batch in articles.Chunk(50))
            {
                await index.IndexAsync(batch, cancellationToken);
            }
        }

        public Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default) =>
            index.FindExistingAsync(ids, cancellationToken);
    }
}

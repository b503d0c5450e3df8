using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Tests.Lucene;

/// <summary>
/// The id tie-breaker of every sort (<see cref="SegmentIds"/>) where it decides everything: articles of one instant,
/// spread over several segments, so that each match after the first page is compared with the last hit kept.
/// </summary>
public sealed class SegmentIdsTests : IDisposable
{
    private static readonly DateTimeOffset SameInstant = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitoring-search-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SearchSort.Newest, 1)]
    [InlineData(SearchSort.Oldest, 1)]
    [InlineData(SearchSort.Newest, 3)]
    public async Task ArticlesOfOneInstant_InSeveralSegments_ComeInIdOrder_PageByPage(SearchSort sort, int slices)
    {
        var articles = DemoCorpus.Articles.Take(120)
            .Select(article => article with { Article = article.Article with { Published = SameInstant } })
            .ToList();
        using var index = new LuceneArticleIndex(_folder, new SearchSlicing(MinDocuments: 0, slices));
        foreach (var batch in articles.Chunk(17))
        {
            await index.IndexAsync(batch, Cancel);
        }

        var expected = articles.Select(article => article.Id.Value).Order(StringComparer.Ordinal).ToList();
        var walked = new List<string>();
        var query = new ArticleQuery { Sort = sort, Take = 5 };
        for (var page = await index.SearchAsync(query, Cancel); ; page = await index.SearchAsync(query with { Cursor = page.NextCursor }, Cancel))
        {
            walked.AddRange(page.Hits.Select(hit => hit.Article.Id.Value));
            if (page.NextCursor is null)
            {
                break;
            }
        }

        Assert.Equal(expected, walked);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

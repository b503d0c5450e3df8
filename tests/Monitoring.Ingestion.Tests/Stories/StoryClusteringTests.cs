using Monitoring.Core.Search;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Tests.Inbox;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Stories;

/// <summary>Story clusters on Reuters-21578, pairs read by hand (docs/ingestion.md, "Story clusters").</summary>
public sealed class StoryClusteringTests : IDisposable
{
    private readonly InboxHarness _harness = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSameReportSentTwice_IsOneStory_FoundThroughTheStoryIdFilter_WhileTemplatedPayoutsStayApart()
    {
        var file = Path.Combine(RepositoryPaths.Corpora, "reuters21578", "reut2-000.sgm");
        if (!File.Exists(file))
        {
            Assert.Skip($"Reuters-21578 not found at {file} (set MONITORING_CORPORA).");
        }

        await _harness.CreateRecorder().RecordAsync("import:reut2-000.sgm", ImportFileReader.Read(file), Cancel);
        await _harness.ProcessAllAsync(Cancel);

        // Two wire copies of one report (3 March 1987): the second adds a paragraph.
        var westpac = await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "title:(Westpac clerk)", Take = 10 }, Cancel);
        Assert.Equal(2, westpac.Total);
        var first = westpac.Hits.Select(hit => hit.Article.Article).Single(article => article.StoryId is null);
        var second = westpac.Hits.Select(hit => hit.Article.Article).Single(article => article.StoryId is not null);
        Assert.Equal(first.Id, second.StoryId);
        var story = await _harness.Lucene.SearchAsync(new ArticleQuery { StoryId = first.Id }, Cancel);
        Assert.Equal(new[] { first.Id.Value, second.Id.Value }.Order(StringComparer.Ordinal), story.Hits.Select(hit => hit.Article.Id.Value).Order(StringComparer.Ordinal));

        // Franklin's monthly fund payouts share their template but are different news: none joins another's story.
        var payouts = await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "title:Franklin AND title:payout", Take = 50 }, Cancel);
        Assert.True(payouts.Total >= 5, $"{payouts.Total} Franklin payouts");
        Assert.All(payouts.Hits, hit => Assert.Null(hit.Article.Article.StoryId));
    }

    public void Dispose() => _harness.Dispose();
}

using System.Text;
using Monitoring.Core.Articles;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Inbox;

/// <summary>Nothing lost, nothing doubled: run on each store provider by the two classes below.</summary>
public abstract class InboxProcessingJobTests : IAsyncLifetime
{
    private InboxHarness _harness = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accept_CommitsTheItems_BeforeReturning_AndEnqueuesTheirProcessing()
    {
        var ids = await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1), InboxHarness.Story(2)], Cancel);

        // A fresh connection, as a restarted process would open, sees both items.
        var items = await _harness.ItemsAsync();
        Assert.Equal(ids, items.Select(item => item.Id));
        Assert.All(items, item => Assert.Equal(InboxItemState.Pending, item.State));
        Assert.Equal(1, _harness.JobStorage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task Record_GivesEachItemItsOwnId_InTheOrderSent_AcrossMoreRowsThanOneInsertHolds()
    {
        // 300 items take several multi-row inserts; each id must point at the payload sent at its position.
        var sent = Enumerable.Range(1, 300).Select(number => InboxHarness.Story(number).ToUtf8Json()).ToList();

        var ids = await _harness.CreateRecorder().RecordAsync("import:order", sent, Cancel);

        var items = (await _harness.ItemsAsync()).ToDictionary(item => item.Id);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(sent.Count, ids.Distinct().Count());
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal(sent[i], items[ids[i]].Payload);
            Assert.Equal(("import:order", InboxItemState.Pending, InboxHarness.Now), (items[ids[i]].Channel, items[ids[i]].State, items[ids[i]].ReceivedAt));
        }
    }

    [Fact]
    public async Task Processing_IndexesEachItem_EnrichedAndSearchable()
    {
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1), InboxHarness.Story(2)], Cancel);

        var summary = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal((2, 2, 0, 0), (summary.Read, summary.Indexed, summary.Duplicates, summary.Quarantined));
        var hits = (await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "Brussels", Countries = ["XK"] }, Cancel)).Hits;
        Assert.Equal(2, hits.Count);
        var story = hits.Single(hit => hit.Article.Article.Title.StartsWith("Story 1:", StringComparison.Ordinal)).Article.Article;
        Assert.Equal(ArticleId.ForUrl(new Uri("https://news.example.org/story/1")), story.Id);
        Assert.Equal(new DateTimeOffset(2025, 11, 3, 10, 0, 0, TimeSpan.Zero), story.Published);
        Assert.All(await _harness.ItemsAsync(), item => Assert.Equal(InboxItemState.Indexed, item.State));
    }

    [Fact]
    public async Task AnArticleFromAKnownOutlet_IsIndexedWithItsCountryKindAndGroups_WhateverItsSenderSaid_AndOneFromAnUnknownOutletWithNone()
    {
        var outlets = _harness.CreateOutlets();
        var group = (await outlets.CreateGroupAsync("International services in the region", null, Cancel)).Group!;
        var source = await AddSourceAsync(new Monitoring.Ingestion.Sources.FeedSource { Name = "Test Wire", Country = "CZ", Kind = OutletKind.InternationalService });

        Assert.Empty(await outlets.SetMembersAsync(group.Id, [source.Id], Cancel));
        // Any case of the name is the outlet; a sender cannot set outlet data, only the store does.
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1) with { Source = "test wire" }, InboxHarness.Story(2) with { Source = "Other Outlet" }], Cancel);

        await _harness.ProcessAllAsync(Cancel);

        var known = (await _harness.Lucene.GetAsync(ArticleId.ForUrl(new Uri("https://news.example.org/story/1")), Cancel))!.Article;
        var unknown = (await _harness.Lucene.GetAsync(ArticleId.ForUrl(new Uri("https://news.example.org/story/2")), Cancel))!.Article;
        Assert.Equal(("CZ", (OutletKind?)OutletKind.InternationalService), (known.Outlet!.Country, known.Outlet.Kind));
        Assert.Equal([group.Key], known.Outlet.Groups);
        Assert.Null(unknown.Outlet);
    }

    [Fact]
    public async Task WhenASourceJoinsAGroup_TheRetagJob_GivesItsIndexedArticlesTheGroup_AndARerunWritesNothing()
    {
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1), InboxHarness.Story(2), InboxHarness.Story(3) with { Source = "Other Outlet" }], Cancel);
        await _harness.ProcessAllAsync(Cancel);
        var outlets = _harness.CreateOutlets();
        var group = (await outlets.CreateGroupAsync("Wires", null, Cancel)).Group!;
        var source = await AddSourceAsync(new Monitoring.Ingestion.Sources.FeedSource { Name = "Test Wire", Kind = OutletKind.Agency });

        Assert.Empty(await outlets.SetMembersAsync(group.Id, [source.Id], Cancel));
        var retags = _harness.JobStorage.GetMonitoringApi().EnqueuedJobs("default", 0, 100).Select(job => job.Value.Job).Where(job => job.Type == typeof(OutletRetagJob)).ToList();
        var written = await _harness.CreateRetagJob().RetagAsync((string[])Assert.Single(retags).Args[0], Cancel);
        var again = await _harness.CreateRetagJob().RetagAsync(["Test Wire"], Cancel);

        Assert.Equal((2, 0), (written, again));
        var inGroup = await _harness.Lucene.SearchAsync(new ArticleQuery { OutletGroups = [group.Key] }, Cancel);
        Assert.Equal(["Story 1", "Story 2"], inGroup.Hits.Select(hit => hit.Article.Article.Title[..7]).Order(StringComparer.Ordinal));
        Assert.All(inGroup.Hits, hit => Assert.Equal((OutletKind?)OutletKind.Agency, hit.Article.Article.Outlet!.Kind));
        Assert.Equal(3, await _harness.Lucene.CountAsync(Cancel));
    }

    [Fact]
    public async Task ARunThatIndexedArticles_TellsTheHandlers_HowMany_AndARunThatIndexedNothing_DoesNot()
    {
        var handler = new CountingHandler();
        _harness.IndexedHandlers.Add(handler);
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1), InboxHarness.Story(2), InboxHarness.Story(1)], Cancel);

        await _harness.ProcessAllAsync(Cancel);
        await _harness.ProcessAllAsync(Cancel);

        Assert.Equal([2], handler.Counts);
    }

    [Fact]
    public async Task SameCanonicalUrl_OrSameContent_BecomesOneArticle()
    {
        var original = InboxHarness.Story(1, "https://news.example.org/story/1?utm_source=rss");
        var sameUrl = InboxHarness.Story(1, "https://NEWS.example.org/story/1#comments") with { Text = "A shorter rewrite." };
        var sameText = original with { Url = "https://other.example.net/copy", Source = "Other Outlet" };
        await _harness.CreatePipeline().AcceptAsync("api", [original, sameUrl], Cancel);
        await _harness.ProcessAllAsync(Cancel);

        await _harness.CreatePipeline().AcceptAsync("api", [sameText], Cancel);
        var second = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(1, second.Duplicates);
        Assert.Equal(1, await _harness.Lucene.CountAsync(Cancel));
        var items = await _harness.ItemsAsync();
        Assert.Equal([InboxItemState.Indexed, InboxItemState.Duplicate, InboxItemState.Duplicate], items.Select(item => item.State));
        Assert.All(items, item => Assert.Equal(items[0].ArticleId, item.ArticleId));
    }

    [Fact]
    public async Task ASecondRun_FindsNothingPending_AndIndexesNothingTwice()
    {
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1), InboxHarness.Story(2)], Cancel);
        await _harness.ProcessAllAsync(Cancel);

        var second = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(0, second.Read);
        Assert.Equal(2, _harness.Index.Written.Count);
    }

    [Fact]
    public async Task PoisonedItems_AreQuarantinedWithTheirReason_WhileTheRestOfTheBatchGoesThrough()
    {
        _harness.Options.MaxItemBytes = 4_096;
        var enormous = (InboxHarness.Story(2) with { Text = new string('x', 10_000) }).ToUtf8Json();
        var wrongEncoding = Encoding.Latin1.GetBytes("""{"title":"Vučić","text":"Beograd – Priština","source":"Test"}""".Replace('č', 'è'));
        var notJson = Encoding.UTF8.GetBytes("<html><body>Object moved</body></html>");
        var noTitleNorText = (InboxHarness.Story(3) with { Title = " ", Text = " " }).ToUtf8Json();
        var scriptOnly = (InboxHarness.Story(4) with { Title = "<b></b>", Text = null, Html = "<script>alert(1)</script>" }).ToUtf8Json();
        await _harness.CreatePipeline().AcceptAsync(
            "import:test",
            [InboxHarness.Story(1).ToUtf8Json(), enormous, wrongEncoding, notJson, noTitleNorText, scriptOnly, InboxHarness.Story(5).ToUtf8Json()],
            Cancel);

        var summary = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal((7, 2, 5), (summary.Read, summary.Indexed, summary.Quarantined));
        var items = await _harness.ItemsAsync();
        Assert.Equal(InboxItemState.Indexed, items[0].State);
        Assert.Equal(InboxItemState.Indexed, items[6].State);
        Assert.Contains("over the limit of 4,096", items[1].Reason, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", items[2].Reason, StringComparison.Ordinal);
        Assert.Contains("not a JSON article", items[3].Reason, StringComparison.Ordinal);
        Assert.Equal("title is required when there is no text (or html)", items[4].Reason);
        Assert.Equal("title and text are both empty once markup is removed", items[5].Reason);
        Assert.All(items.Skip(1).Take(5), item => Assert.Equal(InboxItemState.Quarantined, item.State));
        Assert.Equal(2, await _harness.Lucene.CountAsync(Cancel));
    }

    [Fact]
    public async Task AnItemThatNamesNoCountry_IsIndexedAsAboutItsSourcesCountry_MarkedInferred()
    {
        var item = new IncomingArticle
        {
            Title = "Скупштина усвојила буџет",
            Text = "Посланици су гласали за буџет за наредну годину.",
            Source = "RTS",
            SourceCountry = "rs",
            Language = "sr",
        };
        await _harness.CreatePipeline().AcceptAsync("api", [item], Cancel);

        await _harness.ProcessAllAsync(Cancel);

        var stored = Assert.Single(await _harness.ItemsAsync());
        var article = await _harness.Lucene.GetAsync(ArticleId.Parse(stored.ArticleId!), Cancel);
        Assert.Equal("RS", article!.Article.SourceCountry);
        var serbia = Assert.Single(article.Tags.Countries);
        Assert.True(serbia.IsInferred);
        Assert.Equal(["from RTS (Serbia)"], serbia.Evidence);
        Assert.Equal(1, (await _harness.Lucene.SearchAsync(new ArticleQuery { Countries = ["RS"] }, Cancel)).Total);
    }

    [Fact]
    public async Task ASourceCountryThatIsNoCode_IsLeftOut_WithTheWarning()
    {
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1) with { SourceCountry = "Serbia" }], Cancel);

        await _harness.ProcessAllAsync(Cancel);

        var item = Assert.Single(await _harness.ItemsAsync());
        Assert.Equal(InboxItemState.Indexed, item.State);
        Assert.Contains("sourceCountry 'Serbia' is not an ISO 3166 alpha-2 code", item.Reason, StringComparison.Ordinal);
        Assert.Null((await _harness.Lucene.GetAsync(ArticleId.Parse(item.ArticleId!), Cancel))!.Article.SourceCountry);
    }

    [Fact]
    public async Task AHeadlineWithoutText_IsIndexed_SearchableAndChartedByItsTitle()
    {
        var headline = new IncomingArticle
        {
            Title = "Kosovo and Serbia negotiators meet in Brussels",
            Source = "Balkan Wire",
            Url = "https://news.example.org/headline",
            Published = "2026-01-09T08:00:00Z",
        };
        await _harness.CreatePipeline().AcceptAsync("feed:1", [headline], Cancel);

        var summary = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal((1, 1, 0), (summary.Read, summary.Indexed, summary.Quarantined));
        var hit = Assert.Single((await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "negotiators" }, Cancel)).Hits);
        Assert.True(hit.Article.Article.IsHeadlineOnly);
        Assert.Contains("XK", hit.Article.Tags.Countries.Select(country => country.Code));
        var trend = await _harness.Lucene.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = "negotiators" }, DateInterval.Day), Cancel);
        Assert.Equal(1, Assert.Single(trend.Total).Count);
    }

    [Fact]
    public async Task ADateInTheFuture_IsKeptAndFlagged_ButNotCharted()
    {
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1) with { Published = "2099-01-01T00:00:00Z" }], Cancel);

        await _harness.ProcessAllAsync(Cancel);

        var item = Assert.Single(await _harness.ItemsAsync());
        Assert.Equal(InboxItemState.Indexed, item.State);
        Assert.Equal("published 2099-01-01T00:00Z is in the future; flagged, not charted", item.Reason);
        var article = await _harness.Lucene.GetAsync(ArticleId.Parse(item.ArticleId!), Cancel);
        Assert.Null(article!.Article.Published);
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), article.Article.ImplausiblePublished);
        var trend = await _harness.Lucene.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Day), Cancel);
        Assert.Empty(trend.Total);
        Assert.Equal(1, trend.ImplausibleDateCount);
    }

    [Fact]
    public async Task ADateBefore1900_IsKeptAndFlagged_ButNotCharted()
    {
        await _harness.CreatePipeline().AcceptAsync("api", [InboxHarness.Story(1) with { Published = "1899-12-31T10:00:00Z" }], Cancel);

        await _harness.ProcessAllAsync(Cancel);

        var item = Assert.Single(await _harness.ItemsAsync());
        Assert.Equal("published 1899-12-31 is before 1900; flagged, not charted", item.Reason);
        var trend = await _harness.Lucene.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Year), Cancel);
        Assert.Equal(1, trend.ImplausibleDateCount);
        Assert.Equal(0, trend.UndatedCount);
        Assert.Equal(1, (await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "Brussels" }, Cancel)).Total);
    }

    [Fact]
    public async Task ACopyInTheNextBatch_IsADuplicate_WhileTheBatchBeforeIsStillBeingWritten()
    {
        _harness.Options.BatchSize = 1;
        var story = InboxHarness.Story(1);
        await _harness.CreatePipeline().AcceptAsync("api", [story, story with { Url = "https://other.example.org/copy", Source = "Other Wire" }], Cancel);

        var run = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal((1, 1), (run.Indexed, run.Duplicates));
        Assert.Single(_harness.Index.Written);
        Assert.Equal(1, await _harness.Lucene.CountAsync(Cancel));
    }

    [Fact]
    public async Task ANearCopyInTheNextBatch_JoinsTheStoryOfTheBatchBeingWritten()
    {
        _harness.Options.BatchSize = 1;
        var text = File.ReadAllText(RepositoryPaths.ExampleArticle);
        var first = new IncomingArticle { Title = "Shoigu in Belgrade", Text = text, Source = "First Wire", Url = "https://first.example.org/shoigu", Language = "en" };
        var resent = first with { Text = text.Replace("upward trend", "upwards trend", StringComparison.Ordinal), Source = "Second Wire", Url = "https://second.example.org/shoigu" };
        await _harness.CreatePipeline().AcceptAsync("api", [first, resent], Cancel);

        var run = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal((2, 1), (run.Indexed, run.Clustered));
        var hits = (await _harness.Lucene.SearchAsync(new ArticleQuery { Text = "Shoigu" }, Cancel)).Hits;
        Assert.Equal(2, hits.Count);
        Assert.Single(hits.Select(hit => hit.Article.Article.StoryId ?? hit.Article.Article.Id).Distinct());
    }

    [Theory]
    [InlineData(CrashPoint.BeforeLookup, 1)]
    [InlineData(CrashPoint.BeforeIndexWrite, 1)]
    [InlineData(CrashPoint.AfterIndexWrite, 1)]
    [InlineData(CrashPoint.CancelledAfterIndexWrite, 1)]
    [InlineData(CrashPoint.BeforeIndexWrite, 2)]
    [InlineData(CrashPoint.AfterIndexWrite, 2)]
    [InlineData(CrashPoint.CancelledAfterIndexWrite, 3)]
    public async Task ARunKilledMidBatch_AndStartedAgain_LosesNothing_AndIndexesNothingTwice(CrashPoint crash, int batch)
    {
        _harness.Options.BatchSize = 2;
        var stories = Enumerable.Range(1, 5).Select(number => InboxHarness.Story(number)).ToList();
        await _harness.CreatePipeline().AcceptAsync("api", stories, Cancel);
        _harness.Index.Crash = crash;
        _harness.Index.CrashOnBatch = batch;

        await Assert.ThrowsAnyAsync<Exception>(() => _harness.CreateJob().ProcessAsync(0, long.MaxValue, _harness.Index.Shutdown.Token));
        _harness.Index.Crash = CrashPoint.None;
        var restart = await _harness.ProcessAllAsync(Cancel);

        Assert.All(await _harness.ItemsAsync(), item => Assert.Equal(InboxItemState.Indexed, item.State));
        Assert.Equal(5, await _harness.Lucene.CountAsync(Cancel));
        Assert.Equal(5, _harness.Index.Written.Count);
        Assert.Equal(5, _harness.Index.Written.Distinct().Count());
        var diedAfterWriting = crash is CrashPoint.AfterIndexWrite or CrashPoint.CancelledAfterIndexWrite;
        var crashedBatchSize = Math.Min(2, 5 - (2 * (batch - 1)));
        Assert.Equal(diedAfterWriting ? crashedBatchSize : 0, restart.AlreadyIndexed);
    }

    public async ValueTask InitializeAsync() => _harness = new InboxHarness(await StoreAsync());

    public ValueTask DisposeAsync()
    {
        _harness.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The store of one test, given its folder.</summary>
    protected abstract Task<Func<string, IngestionStoreFactory>> StoreAsync();

    private async Task<Monitoring.Ingestion.Sources.FeedSource> AddSourceAsync(Monitoring.Ingestion.Sources.FeedSource source)
    {
        await using var db = _harness.OpenStore();
        db.FeedSources.Add(source);
        await db.SaveChangesAsync(Cancel);
        return source;
    }

    private sealed class CountingHandler : IArticlesIndexedHandler
    {
        public List<int> Counts { get; } = [];

        public Task ArticlesIndexedAsync(int count, CancellationToken cancellationToken)
        {
            Counts.Add(count);
            return Task.CompletedTask;
        }
    }
}

public sealed class InboxProcessingJobOnSqliteTests : InboxProcessingJobTests
{
    protected override Task<Func<string, IngestionStoreFactory>> StoreAsync() => Task.FromResult<Func<string, IngestionStoreFactory>>(InboxHarness.Sqlite);
}

public sealed class InboxProcessingJobOnPostgreSqlTests(PostgreSqlServer postgres) : InboxProcessingJobTests
{
    protected override async Task<Func<string, IngestionStoreFactory>> StoreAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        return _ => IngestionStoreFactory.PostgreSql(database.ConnectionString);
    }
}


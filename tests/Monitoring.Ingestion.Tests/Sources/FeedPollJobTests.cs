using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Sources;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>Polling observed on the wire: conditional GET, back-off, page fetching for summary-only items.</summary>
public sealed class FeedPollJobTests : IAsyncLifetime
{
    private const string StaticFeed = "feeds/rss-parser-js/test/input/guardian.rss";

    private LocalWebServer _server = null!;
    private PollingHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LocalWebServer.StartAsync();
        _harness = new PollingHarness(new Dictionary<string, string?> { ["Ingestion:Feeds:MaxBackoff"] = "01:00:00" });
    }

    [Fact]
    public async Task TheSecondPoll_SendsTheValidators_AndA304TakesInNothing()
    {
        SkipWithoutCorpus();

        // The feed's items link to the internet, which tests do not reach: no page fetching here.
        await using var harness = new PollingHarness(new Dictionary<string, string?> { ["Ingestion:Feeds:SummaryOnlyBelowCharacters"] = "0" });
        var source = await harness.AddAsync(_server.Url(StaticFeed));

        var first = await harness.PollAsync(source.Id);
        var afterFirst = await harness.SourceAsync(source.Id);
        harness.Clock.Now += TimeSpan.FromMinutes(15);
        var second = await harness.PollAsync(source.Id);

        var requests = _server.RequestsTo(StaticFeed);
        Assert.Equal(2, requests.Count);
        Assert.Equal((string.Empty, string.Empty, 200), (requests[0].IfNoneMatch, requests[0].IfModifiedSince, requests[0].Status));
        Assert.NotNull(afterFirst.ETag);
        Assert.NotNull(afterFirst.LastModified);
        Assert.Equal((afterFirst.ETag, afterFirst.LastModified, 304), (requests[1].IfNoneMatch, requests[1].IfModifiedSince, requests[1].Status));
        Assert.Equal(FeedPollStatus.Fetched, first.Status);
        Assert.True(first.NewItems > 0);
        Assert.Equal(new FeedPollOutcome(FeedPollStatus.NotModified, 0, null), second);
        Assert.Equal(first.NewItems, (await harness.InboxArticlesAsync(source.Id)).Count);
        var afterSecond = await harness.SourceAsync(source.Id);
        Assert.Equal(harness.Clock.Now, afterSecond.LastSuccessAt);
        Assert.Equal(harness.Clock.Now + source.PollInterval, afterSecond.NextDueAt);
    }

    [Fact]
    public async Task AFeedThatChanged_GivesOnlyItsNewItems_ToTheInbox()
    {
        var items = new List<int> { 1, 2 };
        var url = _server.Handle("/changing.xml", context => WriteAsync(context, Rss(items.Select(n => Item(n, $"Story {n}", new string('x', 500))))));
        var source = await _harness.AddAsync(url);

        var first = await _harness.PollAsync(source.Id);
        items.Add(3);
        var second = await _harness.PollAsync(source.Id);

        Assert.Equal((2, 1), (first.NewItems, second.NewItems));
        Assert.Equal(["Story 1", "Story 2", "Story 3"], (await _harness.InboxArticlesAsync(source.Id)).Select(article => article.Title));
    }

    [Fact]
    public async Task TheItemsOfASourceWithACountry_CarryThatCountry_ForEnrichment()
    {
        var url = _server.Handle("/rts.xml", context => WriteAsync(context, Rss([Item(1, "Skupština usvojila budžet", new string('b', 500))])));
        var added = await _harness.Catalog.AddAsync(new NewFeedSource { Name = "RTS", Url = url.AbsoluteUri, Country = "rs", PollInterval = TimeSpan.FromMinutes(15) }, TestContext.Current.CancellationToken);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));

        await _harness.PollAsync(added.Source!.Id);

        Assert.Equal(["RS"], (await _harness.InboxArticlesAsync(added.Source.Id)).Select(article => article.SourceCountry));
    }

    [Fact]
    public async Task AFailingSource_IsNotRetriedBeforeItsBackoff_AndTheWaitDoublesUpToTheCap()
    {
        var failing = await _harness.AddAsync(_server.Handle("/failing.xml", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        }), TimeSpan.FromMinutes(10), "Failing");
        var healthy = await _harness.AddAsync(_server.Handle("/healthy.xml", context => WriteAsync(context, Rss([Item(1, "Healthy", new string('y', 500))]))), TimeSpan.FromMinutes(10), "Healthy");

        var waits = new List<TimeSpan>();
        var requestsBeforeDue = new List<int>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var id in await _harness.DispatchAsync())
            {
                await _harness.PollAsync(id);
            }

            var polled = await _harness.SourceAsync(failing.Id);
            Assert.Equal(round + 1, polled.ConsecutiveFailures);
            Assert.Equal("HTTP 503 Service Unavailable from " + failing.Url, polled.LastError);
            waits.Add(polled.NextDueAt!.Value - _harness.Clock.Now);

            // A minute before it is due the dispatcher leaves it alone: nothing goes out on the wire.
            _harness.Clock.Now = polled.NextDueAt.Value - TimeSpan.FromMinutes(1);
            Assert.DoesNotContain(failing.Id, await _harness.DispatchAsync());
            requestsBeforeDue.Add(_server.RequestsTo("/failing.xml").Count);
            _harness.Clock.Now = polled.NextDueAt.Value;
        }

        Assert.Equal([10, 20, 40, 60, 60], waits.Select(wait => wait.TotalMinutes));
        Assert.Equal([1, 2, 3, 4, 5], requestsBeforeDue);
        var healthyNow = await _harness.SourceAsync(healthy.Id);
        Assert.Equal((0, null), (healthyNow.ConsecutiveFailures, healthyNow.LastError));
        Assert.Single(await _harness.InboxArticlesAsync(healthy.Id));
    }

    [Fact]
    public async Task ASuccessAfterFailures_ResetsTheBackoff()
    {
        var failing = true;
        var source = await _harness.AddAsync(_server.Handle("/flaky.xml", context =>
        {
            if (failing)
            {
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return WriteAsync(context, Rss([Item(1, "Back", new string('z', 500))]));
        }), TimeSpan.FromMinutes(10));

        await _harness.PollAsync(source.Id);
        await _harness.PollAsync(source.Id);
        failing = false;
        await _harness.PollAsync(source.Id);

        var polled = await _harness.SourceAsync(source.Id);
        Assert.Equal((0, null, 1), (polled.ConsecutiveFailures, polled.LastError, polled.LastNewItems));
        Assert.Equal(_harness.Clock.Now + TimeSpan.FromMinutes(10), polled.NextDueAt);
    }

    [Fact]
    public async Task AOneMinuteSource_PolledAFewSecondsIntoTheMinute_IsDispatchedAgainAtTheNextMinute()
    {
        // The dispatcher runs every minute; the poll it enqueued finished 3 s later and set the source due then.
        var source = await _harness.AddAsync(_server.Url(StaticFeed), TimeSpan.FromMinutes(1));
        Assert.Equal([source.Id], await _harness.DispatchAsync());
        _harness.Clock.Now += TimeSpan.FromSeconds(3);
        await _harness.PollAsync(source.Id);

        _harness.Clock.Now += TimeSpan.FromSeconds(57);
        Assert.Equal([source.Id], await _harness.DispatchAsync());
    }

    [Fact]
    public async Task ASourceDueLaterInTheNextMinute_WaitsForTheNextRun()
    {
        var source = await _harness.AddAsync(_server.Url(StaticFeed), TimeSpan.FromMinutes(10));
        Assert.Equal([source.Id], await _harness.DispatchAsync());
        await _harness.PollAsync(source.Id);

        _harness.Clock.Now += TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(40);
        Assert.Empty(await _harness.DispatchAsync());
        _harness.Clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal([source.Id], await _harness.DispatchAsync());
    }

    [Fact]
    public async Task APausedSource_IsNotDispatched_AndResumingMakesItDue()
    {
        var source = await _harness.AddAsync(_server.Url(StaticFeed));
        await _harness.Catalog.SetEnabledAsync(source.Id, enabled: false, TestContext.Current.CancellationToken);

        Assert.Empty(await _harness.DispatchAsync());

        await _harness.Catalog.SetEnabledAsync(source.Id, enabled: true, TestContext.Current.CancellationToken);
        Assert.Equal([source.Id], await _harness.DispatchAsync());
        Assert.Empty(await _harness.DispatchAsync()); // claimed for one interval
    }

    [Fact]
    public async Task ASummaryOnlyItem_GetsItsPageFetched_AndTheArticleExtracted()
    {
        SkipWithoutCorpus();
        var page = _server.Url("pages/aclu/source.html");
        var feed = _server.Handle("/summaries.xml", context => WriteAsync(context,
            Rss([$"<item><title>Facebook and non-users</title><link>{page}</link><description>Short teaser.</description></item>"])));
        var source = await _harness.AddAsync(feed);

        var outcome = await _harness.PollAsync(source.Id);

        Assert.Equal(200, Assert.Single(_server.RequestsTo("pages/aclu/source.html")).Status);
        var article = Assert.Single(await _harness.InboxArticlesAsync(source.Id));
        using var metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(LocalWebServer.PagesFolder, "aclu", "expected-metadata.json")));
        var expected = metadata.RootElement;
        Assert.Equal(1, outcome.NewItems);
        Assert.Equal("Facebook and non-users", article.Title); // the feed's title wins
        Assert.Equal(expected.GetProperty("byline").GetString(), article.Credit);
        Assert.Equal(expected.GetProperty("lang").GetString(), article.Language);
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("publishedTime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), PublicationDate.Parse(article.Published));
        var firstParagraph = HtmlText.ToParagraphs(File.ReadAllText(Path.Combine(LocalWebServer.PagesFolder, "aclu", "expected.html")))[0];
        Assert.StartsWith(firstParagraph, article.Text, StringComparison.Ordinal);
        Assert.Null(article.Html);
        Assert.Null((await _harness.SourceAsync(source.Id)).LastPageError);
    }

    [Fact]
    public async Task AnItemWithItsFullText_IsTakenAsItIs_WithoutFetchingThePage()
    {
        var body = string.Concat(Enumerable.Repeat("<p>Belgrade and Pristina met again in Brussels. </p>", 20));
        var feed = _server.Handle("/full.xml", context => WriteAsync(context, Rss([Item(1, "Full text", body, _server.Url("/never-fetched.html"))])));
        var source = await _harness.AddAsync(feed);

        await _harness.PollAsync(source.Id);

        Assert.Empty(_server.RequestsTo("/never-fetched.html"));
        Assert.Equal(body, Assert.Single(await _harness.InboxArticlesAsync(source.Id)).Html);
    }

    [Fact]
    public async Task ADateWithoutZone_IsReadInTheSourcesTimeZone()
    {
        var feed = _server.Handle("/zoned.xml", context => WriteAsync(context,
            Rss(["<item><title>Local time</title><link>https://news.example.org/local</link><pubDate>2025-07-01T10:00:00</pubDate><description>" + new string('w', 500) + "</description></item>"])));
        var source = await _harness.AddAsync(feed, timeZone: "Europe/Belgrade");

        await _harness.PollAsync(source.Id);

        // Belgrade is UTC+2 in summer.
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), PublicationDate.Parse(Assert.Single(await _harness.InboxArticlesAsync(source.Id)).Published));
    }

    [Fact]
    public async Task Health_CountsItemsPerDay_AndTheMedianLagFromPublicationToSearchable_LeavingOutTheFirstPollsBacklog()
    {
        var start = PollingHarness.Start;
        var items = new List<string> { Dated(1, start - TimeSpan.FromDays(1)) };
        var source = await _harness.AddAsync(_server.Handle("/dated.xml", context => WriteAsync(context, Rss(items))));
        await _harness.PollAsync(source.Id);
        await MarkIndexedAsync(source.Id, start + TimeSpan.FromMinutes(1)); // the backlog: a day late

        items.Add(Dated(2, start + TimeSpan.FromMinutes(10)));
        items.Add(Dated(3, start + TimeSpan.FromMinutes(12)));
        _harness.Clock.Now = start + TimeSpan.FromMinutes(15);
        await _harness.PollAsync(source.Id);
        await MarkIndexedAsync(source.Id, start + TimeSpan.FromMinutes(20));
        _harness.Clock.Now = start + TimeSpan.FromMinutes(30);
        await _harness.PollAsync(source.Id);

        var health = await _harness.SourceAsync(source.Id);
        Assert.Equal(3 / 7.0, health.ItemsPerDay, precision: 6);
        Assert.Equal(TimeSpan.FromMinutes(9), health.MedianLag); // lags 10 and 8 minutes
    }

    [Fact]
    public async Task TwoPollsOfOneFeedAtOnce_PollNowDuringTheScheduledPoll_RecordEachItemOnce()
    {
        // The server answers only once both polls have asked, so both read the feed before either records it.
        var bothAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        var url = _server.Handle("/raced.xml", async context =>
        {
            if (Interlocked.Increment(ref asked) == 2)
            {
                bothAsked.SetResult();
            }

            await bothAsked.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await WriteAsync(context, Rss([Item(1, "Raced one", new string('r', 500)), Item(2, "Raced two", new string('s', 500))]));
        });
        var source = await _harness.AddAsync(url);

        var outcomes = await Task.WhenAll(_harness.PollAsync(source.Id), _harness.PollAsync(source.Id));

        Assert.Equal(["Raced one", "Raced two"], (await _harness.InboxArticlesAsync(source.Id)).Select(article => article.Title));
        Assert.Equal(2, outcomes.Sum(outcome => outcome.NewItems));
        Assert.All(outcomes, outcome => Assert.NotEqual(FeedPollStatus.Failed, outcome.Status));
        var polled = await _harness.SourceAsync(source.Id);
        Assert.Equal((0, null), (polled.ConsecutiveFailures, polled.LastError));
        using var db = _harness.OpenStore();
        Assert.Equal(2, db.FeedItemRecords.Count(record => record.SourceId == source.Id && record.InboxItemId != null));
    }

    private static string Dated(int number, DateTimeOffset published) =>
        $"<item><title>Story {number}</title><link>https://news.example.org/dated/{number}</link><pubDate>{published.ToString("R", CultureInfo.InvariantCulture)}</pubDate><description>{new string('d', 500)}</description></item>";

    // What InboxProcessingJob records when it indexes an item.
    private async Task MarkIndexedAsync(int sourceId, DateTimeOffset processedAt)
    {
        var channel = FeedPollJob.ChannelOf(sourceId);
        using var db = _harness.OpenStore();
        foreach (var item in db.InboxItems.Where(item => item.Channel == channel && item.State == Monitoring.Ingestion.Inbox.InboxItemState.Pending))
        {
            item.State = Monitoring.Ingestion.Inbox.InboxItemState.Indexed;
            item.ProcessedAt = processedAt;
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    internal static Task WriteAsync(HttpContext context, string body, string contentType = "application/rss+xml")
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    internal static string Rss(IEnumerable<string> items) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Test</title><link>https://news.example.org/</link>{string.Concat(items)}</channel></rss>";

    internal static string Item(int number, string title, string body, Uri? link = null) =>
        $"<item><title>{title}</title><link>{link?.AbsoluteUri ?? "https://news.example.org/story/" + number.ToString(CultureInfo.InvariantCulture)}</link><description><![CDATA[{body}]]></description></item>";

    private static void SkipWithoutCorpus()
    {
        if (!Directory.Exists(LocalWebServer.FeedsFolder) || !Directory.Exists(LocalWebServer.PagesFolder))
        {
            Assert.Skip($"The corpora are absent ({LocalWebServer.FeedsFolder}, {LocalWebServer.PagesFolder}).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }
}

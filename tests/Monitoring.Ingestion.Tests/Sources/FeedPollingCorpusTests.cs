using System.Text.Json;
using Monitoring.Ingestion.Sources;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>
/// Every feed of ../shared/data/feeds polled over real HTTP from a local server: it parses, and its items
/// reach the inbox, one per distinct item (checked against rss-parser-js's expected output where it has one).
/// </summary>
public sealed class FeedPollingCorpusTests(CorpusServer fixture) : IClassFixture<CorpusServer>
{
    // Documents in the corpora that are deliberately no feed.
    private static readonly HashSet<string> NotFeeds = new(StringComparer.Ordinal)
    {
        "rss-parser-js/test/input/unrecognized.rss",
        "node-feedparser/test/feeds/notafeed.html",
    };

    private readonly LocalWebServer? _server = fixture.Server;
    private readonly PollingHarness? _harness = fixture.Harness;

    public static TheoryData<string> Feeds()
    {
        var folder = LocalWebServer.FeedsFolder;
        if (!Directory.Exists(folder))
        {
            return new("(corpus absent)");
        }

        var inputs = Directory.EnumerateFiles(Path.Combine(folder, "rss-parser-js", "test", "input"))
            .Concat(Directory.EnumerateFiles(Path.Combine(folder, "node-feedparser", "test", "feeds")));
        return new(inputs.Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task EveryFeed_IsPolledOverHttp_AndItsItemsReachTheInbox(string feed)
    {
        if (_server is null || _harness is null)
        {
            Assert.Skip($"The feed corpora are absent ({LocalWebServer.FeedsFolder}).");
        }

        var source = await _harness.AddAsync(_server.Url("feeds/" + feed));

        var outcome = await _harness.PollAsync(source.Id);

        var polled = await _harness.SourceAsync(source.Id);
        Assert.Equal(200, Assert.Single(_server.RequestsTo("feeds/" + feed)).Status);
        if (NotFeeds.Contains(feed))
        {
            Assert.Equal(FeedPollStatus.Failed, outcome.Status);
            Assert.StartsWith("Not a feed", polled.LastError, StringComparison.Ordinal);
            Assert.Equal(1, polled.ConsecutiveFailures);
            return;
        }

        Assert.Equal(FeedPollStatus.Fetched, outcome.Status);
        Assert.Equal(0, polled.ConsecutiveFailures);
        Assert.NotNull(polled.LastSuccessAt);
        if (feed.EndsWith("saxerror.xml", StringComparison.Ordinal))
        {
            Assert.Contains("feed read only in part", polled.LastError, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(polled.LastError);
        }

        var articles = await _harness.InboxArticlesAsync(source.Id);
        Assert.Equal(outcome.NewItems, articles.Count);
        Assert.NotEmpty(articles);
        Assert.All(articles, article => Assert.Equal("Test feed", article.Source));
        if (ExpectedDistinctItems(feed) is { } expected)
        {
            Assert.Equal(expected, articles.Count);
        }
    }

    /// <summary>From rss-parser-js's expected output: items with a distinct link, else guid, else title.</summary>
    private static int? ExpectedDistinctItems(string feed)
    {
        const string Prefix = "rss-parser-js/test/input/";
        if (!feed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var output = Path.Combine(LocalWebServer.FeedsFolder, "rss-parser-js", "test", "output", Path.GetFileNameWithoutExtension(feed) + ".json");
        if (!File.Exists(output))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(output));
        return document.RootElement.GetProperty("feed").GetProperty("items").EnumerateArray()
            .Select(item => Text(item, "link") ?? Text(item, "guid") ?? Text(item, "id") ?? Text(item, "title"))
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 ? value.GetString()!.Trim() : null;
}

/// <summary>One server and one store for all the corpus feeds; each feed is its own source.</summary>
public sealed class CorpusServer : IAsyncLifetime
{
    internal LocalWebServer? Server { get; private set; }

    internal PollingHarness? Harness { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Directory.Exists(LocalWebServer.FeedsFolder))
        {
            Server = await LocalWebServer.StartAsync();

            // Items link to the internet, which tests do not reach: no page fetching here.
            Harness = new PollingHarness(new Dictionary<string, string?> { ["Ingestion:Feeds:SummaryOnlyBelowCharacters"] = "0" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

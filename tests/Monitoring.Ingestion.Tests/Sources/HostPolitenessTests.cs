using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitoring.Ingestion.Sources;
using static Monitoring.Ingestion.Tests.Sources.FeedPollJobTests;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>Per-host politeness observed on the wire: when requests arrive at the local server, and how many at once.</summary>
public sealed class HostPolitenessTests : IAsyncLifetime
{
    private LocalWebServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LocalWebServer.StartAsync();

    [Fact]
    public async Task FeedsOnOneHost_DueTogether_AreRequestedOneAtATime_AtLeastTheMinimumDelayApart()
    {
        var delay = TimeSpan.FromMilliseconds(700);
        await using var harness = new PollingHarness(new Dictionary<string, string?>
        {
            ["Ingestion:Feeds:MinDelayPerHost"] = delay.ToString("c", CultureInfo.InvariantCulture),
        });
        var arrivals = new ConcurrentQueue<long>();
        var sources = new List<int>();
        for (var feed = 1; feed <= 4; feed++)
        {
            var title = $"Section {feed}";
            var url = _server.Handle($"/section-{feed}.xml", context =>
            {
                arrivals.Enqueue(Stopwatch.GetTimestamp());
                return WriteAsync(context, Rss([Item(feed, title, new string('p', 500), new Uri($"https://news.example.org/section/{feed}"))]));
            });
            sources.Add((await harness.AddAsync(url, name: title)).Id);
        }

        var dispatched = await harness.DispatchAsync();
        var outcomes = await Task.WhenAll(dispatched.Select(harness.PollAsync));

        Assert.Equal(sources.Order(), dispatched.Order());
        Assert.All(outcomes, outcome => Assert.Equal(FeedPollStatus.Fetched, outcome.Status));
        var times = arrivals.Order().ToList();
        Assert.Equal(4, times.Count);
        var gaps = times.Zip(times.Skip(1), (earlier, later) => Stopwatch.GetElapsedTime(earlier, later)).ToList();
        // The client spaces the starts of its requests; the server sees their arrivals, which a busy machine delays
        // unevenly. Without the gate the four arrive within a few milliseconds of each other.
        var arrivalJitter = TimeSpan.FromMilliseconds(200);
        Assert.All(gaps, gap => Assert.True(gap >= delay - arrivalJitter, $"requests {gap.TotalMilliseconds:0} ms apart"));
    }

    [Fact]
    public async Task RequestsToOneHost_FromPollsRunningAtOnce_NeverExceedTheConcurrencyLimit()
    {
        await using var harness = new PollingHarness(new Dictionary<string, string?>
        {
            ["Ingestion:Feeds:MaxConcurrentRequestsPerHost"] = "2",
        });
        var inFlight = 0;
        var mostInFlight = 0;
        var pagesServed = 0;
        async Task Slowly(HttpContext context, string body, string contentType)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            try
            {
                await Task.Delay(300);
                await WriteAsync(context, body, contentType);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        var sources = new List<int>();
        for (var feed = 1; feed <= 4; feed++)
        {
            var items = new List<string>();
            for (var page = 1; page <= 3; page++)
            {
                var path = $"/article-{feed}-{page}.html";
                var pageUrl = _server.Handle(path, context =>
                {
                    Interlocked.Increment(ref pagesServed);
                    return Slowly(context, "<html><head><title>Page</title></head><body><article><p>" + new string('a', 2_000) + "</p></article></body></html>", "text/html");
                });
                items.Add(Item((feed * 10) + page, $"Teaser {feed}-{page}", "Short teaser.", pageUrl));
            }

            var rss = Rss(items);
            var url = _server.Handle($"/teasers-{feed}.xml", context => Slowly(context, rss, "application/rss+xml"));
            sources.Add((await harness.AddAsync(url, name: $"Teasers {feed}")).Id);
        }

        var outcomes = await Task.WhenAll(sources.Select(harness.PollAsync));

        Assert.All(outcomes, outcome => Assert.Equal((FeedPollStatus.Fetched, 3), (outcome.Status, outcome.NewItems)));
        Assert.Equal(12, pagesServed);
        Assert.Equal(2, mostInFlight); // the limit, reached: four polls did run at once, two requests at a time
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 3: publication → alert delivered. A local feed publishes an item every few seconds; the real app polls
/// it as a source (added on the sources page) and an instant alert made on the alert editor, matching every item,
/// delivers to a webhook receiver beside the feed. The latency of an item is the webhook's arrival minus the moment
/// the item appeared in the feed.
/// </summary>
internal static partial class LatencyBenchmark
{
    private const string AdminName = "bench";
    private const string AdminPassword = "benchmark admin passphrase";

    // In every item and in no demo article: the alert's query.
    private const string Marker = "Quelvoranta";

    private static readonly string[] Vocabulary =
    [
        "bridge", "ferry", "council", "minister", "border", "election", "protest", "harbour", "railway", "dam", "festival",
        "court", "hospital", "school", "mine", "vineyard", "airport", "museum", "market", "tunnel", "monastery", "stadium",
        "reservoir", "highway", "bakery", "library", "factory", "orchard", "garrison", "lighthouse", "quarry", "brewery",
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var items = options.Int("items", 30);
        var everySeconds = options.Int("every", 6);
        var pollMinutes = options.Int("poll-minutes", 1);
        var start = Machine.Start($"Publication → webhook: {items} items, one every {everySeconds} s, source polled every {pollMinutes} min");
        LatencyFigures? recorded = null;

        using var server = new LocalServer();
        var data = Directory.CreateTempSubdirectory("monitoring-bench-latency-");
        try
        {
            await using var app = await AppProcess.StartAsync(data.FullName, "--Ingestion:Feeds:LoadSeedSources", "false");
            await app.CreateFirstAdminAsync(AdminName, AdminPassword);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new() { BaseURL = app.BaseAddress.ToString() });
            await page.GotoAsync("/account/login");
            await page.Locator("#login-user").FillAsync(AdminName);
            await page.Locator("#login-password").FillAsync(AdminPassword);
            await page.Locator("#login-submit").ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 60_000 });

            // The alert first, so that the source's first poll already finds it.
            await page.GotoAsync($"/alerts/new?q={Marker}");
            await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
            await page.Locator("#alert-name").FillAsync("Every benchmark item");
            await page.Locator("#alert-webhook-url").FillAsync(server.HookUrl.ToString());
            // Required with a webhook; the receiver here does not check the signature.
            await page.Locator("#alert-webhook-secret").FillAsync("benchmark webhook secret");
            await page.Locator("#save-alert").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts$"), new() { Timeout = 60_000 });

            await page.GotoAsync("/sources");
            await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
            await page.Locator("#source-name").FillAsync("Benchmark Wire");
            await page.Locator("#source-url").FillAsync(server.FeedUrl.ToString());
            await page.Locator("#source-interval").FillAsync(pollMinutes.ToString(CultureInfo.InvariantCulture));
            await page.Locator("#add-source-button").ClickAsync();
            await Assertions.Expect(page.Locator("#sources-table tr", new() { HasText = "Benchmark Wire" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            Console.WriteLine($"  app on {app.BaseAddress}, alert and source made through their pages; publishing");

            for (var i = 0; i < items; i++)
            {
                server.Publish(i);
                await Task.Delay(TimeSpan.FromSeconds(everySeconds));
            }

            // The last item waits at most a poll interval, then the chain of jobs.
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(pollMinutes) + TimeSpan.FromSeconds(90);
            while (server.Delivered.Count < items && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1_000);
            }

            var latencies = server.Latencies();
            recorded = new LatencyFigures(items, everySeconds, pollMinutes, server.Hooks, latencies);
            Console.WriteLine($"  delivered {latencies.Count} of {items} items in {server.Hooks} webhook calls");
            if (latencies.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  publication → webhook: p50 {Machine.Percentile(latencies, 50) / 1000:N1} s, " +
                    $"p95 {Machine.Percentile(latencies, 95) / 1000:N1} s, min {latencies.Min() / 1000:N1} s, max {latencies.Max() / 1000:N1} s"));
                var (waits, chains) = server.Split();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  of which waiting for the next poll: p50 {Machine.Percentile(waits, 50) / 1000:N1} s, p95 {Machine.Percentile(waits, 95) / 1000:N1} s; " +
                    $"poll → webhook: p50 {Machine.Percentile(chains, 50) / 1000:N1} s, p95 {Machine.Percentile(chains, 95) / 1000:N1} s"));
                Console.WriteLine($"  first item published at {server.FirstPublished:HH:mm:ss.fff} UTC; feed fetched at (s after it): {string.Join(", ", server.FetchSeconds().Select(seconds => seconds.ToString("N1", CultureInfo.InvariantCulture)))}");
            }

            var log = Path.Combine(options.IndexRoot, "latency-app.log");
            Directory.CreateDirectory(options.IndexRoot);
            await File.WriteAllTextAsync(log, app.Log);
            Console.WriteLine($"  the app's log: {log}");
        }
        finally
        {
            // The job history (when each dispatch, poll, processing and delivery ran) stays for a look afterwards.
            var jobs = Path.Combine(data.FullName, "jobs.db");
            if (File.Exists(jobs))
            {
                File.Copy(jobs, Path.Combine(options.IndexRoot, "latency-jobs.db"), overwrite: true);
            }

            data.Delete(recursive: true);
        }

        var loadAtEnd = Machine.End();
        return FiguresRecorder.Record(options, start, loadAtEnd, recorded!);
    }

    /// <summary>The feed (items appear as they are published) and the webhook receiver, on one loopback port.</summary>
    private sealed class LocalServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<int, (DateTimeOffset Published, long Ticks)> _published = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly ConcurrentQueue<long> _fetches = new();
        private int _hooks;

        public LocalServer()
        {
            Address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
            _listener.Prefixes.Add(Address.ToString());
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public Uri Address { get; }

        public Uri FeedUrl => new(Address, "feed.xml");

        public Uri HookUrl => new(Address, "hook");

        /// <summary>When each item's first webhook call arrived (stopwatch ticks).</summary>
        public ConcurrentDictionary<int, long> Delivered { get; } = new();

        public int Hooks => _hooks;

        public DateTimeOffset FirstPublished => _published.IsEmpty ? default : _published.Values.Min(value => value.Published);

        public void Publish(int item) => _published[item] = (DateTimeOffset.UtcNow, _clock.ElapsedTicks);

        public List<double> Latencies() =>
            [.. Delivered.Select(pair => (pair.Value - _published[pair.Key].Ticks) * 1000.0 / Stopwatch.Frequency)];

        /// <summary>
        /// Each delivered item's latency split at the first feed fetch after its publication: the wait for the poll,
        /// and the chain of jobs from that fetch to the webhook.
        /// </summary>
        public (List<double> Waits, List<double> Chains) Split()
        {
            var fetches = _fetches.Order().ToList();
            var waits = new List<double>();
            var chains = new List<double>();
            foreach (var (item, arrived) in Delivered)
            {
                var published = _published[item].Ticks;
                var fetched = fetches.FirstOrDefault(fetch => fetch >= published, arrived);
                waits.Add((fetched - published) * 1000.0 / Stopwatch.Frequency);
                chains.Add((arrived - fetched) * 1000.0 / Stopwatch.Frequency);
            }

            return (waits, chains);
        }

        /// <summary>When the feed was fetched, in seconds after the first item was published.</summary>
        public IEnumerable<double> FetchSeconds()
        {
            var first = _published.IsEmpty ? 0 : _published.Values.Min(value => value.Ticks);
            return _fetches.Order().Select(fetch => (fetch - first) / (double)Stopwatch.Frequency);
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }

        private static int FreeLoopbackPort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var path = context.Request.Url?.AbsolutePath;
                if (path == FeedUrl.AbsolutePath)
                {
                    _fetches.Enqueue(_clock.ElapsedTicks);
                }

                if (path == HookUrl.AbsolutePath)
                {
                    var arrived = _clock.ElapsedTicks;
                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    var body = await reader.ReadToEndAsync();
                    Interlocked.Increment(ref _hooks);
                    foreach (Match match in ItemNumber().Matches(body))
                    {
                        Delivered.TryAdd(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), arrived);
                    }
                }

                var answer = Encoding.UTF8.GetBytes(path == FeedUrl.AbsolutePath ? Rss() : "ok");
                context.Response.ContentType = path == FeedUrl.AbsolutePath ? "application/rss+xml; charset=utf-8" : "text/plain";
                context.Response.ContentLength64 = answer.Length;
                await context.Response.OutputStream.WriteAsync(answer);
                context.Response.Close();
            }
        }

        /// <summary>The items published so far, newest first; each title and text differs, so each is its own story.</summary>
        private string Rss()
        {
            var feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Benchmark Wire</title><link>http://127.0.0.1/</link>");
            foreach (var (item, (published, _)) in _published.OrderByDescending(pair => pair.Key))
            {
                var random = new Random(item);
                var words = Enumerable.Range(0, 60).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
                var title = $"{Marker} item {item:000}: {string.Join(' ', words.Take(5))}";
                var text = $"Item benchitem{item:000}. {Marker} {string.Join(' ', words)}. " +
                    string.Concat(Enumerable.Repeat($"Reporters in {words[0]} and {words[1]} described the {words[2]} near the {words[3]}. ", 6));
                feed.Append(CultureInfo.InvariantCulture,
                    $"<item><title>{SecurityElement.Escape(title)}</title><link>https://wire.example.org/item/{item}</link><guid>bench-{item}</guid>" +
                    $"<pubDate>{published.ToString("R", CultureInfo.InvariantCulture)}</pubDate><description>{SecurityElement.Escape(text)}</description></item>");
            }

            return feed.Append("</channel></rss>").ToString();
        }
    }

    [GeneratedRegex(@"item (\d{3})")]
    private static partial Regex ItemNumber();
}

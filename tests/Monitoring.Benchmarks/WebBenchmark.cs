using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 7: the real web app (its Release build, as a child process) on the replayed index, driven by headless
/// Chromium as a reader drives it — searches typed into the search page, then a trends view — with the app's
/// memory after start, after the searches and after trends.
/// </summary>
internal static class WebBenchmark
{
    private const string AdminName = "bench";
    private const string AdminPassword = "benchmark admin passphrase";

    // Typed into the search box in turn; neighbours have different totals, which is how a finished search is told
    // from the previous one still on the page.
    private static readonly string[] Queries =
    [
        "oil", "interest rates", "\"trade deficit\"", "opec AND (price OR output)", "grain NOT wheat",
        "export*", "bank", "dollar", "coffee OR cocoa", "strike",
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var articles = options.Int("articles", 1_000_000);
        var searches = options.Int("searches", 30);
        var index = ReplayedIndex.FolderFor(options.IndexRoot, articles);
        if (!Directory.Exists(index))
        {
            Console.Error.WriteLine($"No replayed index at {index}: build it with `index --articles {articles}` first.");
            return 1;
        }

        var start = Machine.Start($"Web process on {articles:N0} replayed articles, {searches} searches in Chromium, then trends");
        WebFigures? recorded = null;
        var data = Directory.CreateTempSubdirectory("monitoring-bench-web-");
        try
        {
            // The data folder holds the app's own databases; the index is the cached one (the app opens it, it is of
            // the current schema) and no seeds are ingested into it. The environment stays Development, as in the
            // browser tests: a build output (not a publish) serves its static assets (blazor.web.js) only there.
            await using var app = await AppProcess.StartAsync(
                data.FullName,
                "--Search:Lucene:IndexPath", index,
                "--Ingestion:IngestSeedsOnStart", "false");
            await app.CreateFirstAdminAsync(AdminName, AdminPassword);
            Console.WriteLine($"  app pid {app.ProcessId}, {await app.ArticleCountAsync():N0} articles");
            var afterStart = await WebProcessMemory.DescribeAsync(app.ProcessId);
            Console.WriteLine($"  after start:    {afterStart}");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 1000 } });
            await page.GotoAsync("/account/login");
            await page.Locator("#login-user").FillAsync(AdminName);
            await page.Locator("#login-password").FillAsync(AdminPassword);
            await page.Locator("#login-submit").ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 60_000 });

            var searchTimes = await SearchAsync(page, searches);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  search round trip (Enter → result count shown), {searchTimes.Count} searches: p50 {Machine.Ms(Machine.Percentile(searchTimes, 50))} ms, " +
                $"p95 {Machine.Ms(Machine.Percentile(searchTimes, 95))} ms, max {Machine.Ms(searchTimes.Max())} ms"));
            var afterSearches = await WebProcessMemory.DescribeAsync(app.ProcessId);
            Console.WriteLine($"  after searches: {afterSearches}");

            var trendsLoads = new List<(string Interval, double Ms)>();
            foreach (var interval in new[] { "year", "month" })
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync($"/trends?interval={interval}");
                await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
                await Assertions.Expect(page.Locator("#coverage-svg")).ToBeVisibleAsync(new() { Timeout = 120_000 });
                watch.Stop();
                trendsLoads.Add((interval, watch.Elapsed.TotalMilliseconds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  trends, {interval} over the whole index: page loaded and interactive with its chart in {watch.Elapsed.TotalMilliseconds:N0} ms"));
            }

            var afterTrends = await WebProcessMemory.DescribeAsync(app.ProcessId);
            Console.WriteLine($"  after trends:   {afterTrends}");
            recorded = new WebFigures(articles, searchTimes, trendsLoads, afterStart, afterSearches, afterTrends, WebProcessMemory.PeakWorkingSetMegabytes(app.ProcessId));
        }
        finally
        {
            data.Delete(recursive: true);
        }

        var loadAtEnd = Machine.End();
        return FiguresRecorder.Record(options, start, loadAtEnd, recorded!);
    }

    /// <summary>Types each query into the search page's box and presses Enter, timing until the new result count shows.</summary>
    private static async Task<List<double>> SearchAsync(IPage page, int searches)
    {
        await page.GotoAsync("/search");
        await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        var box = page.Locator("#search-box");
        var count = page.Locator("#result-count");
        var times = new List<double>();
        // One untimed search first: the first after start pays for opening the searcher and JIT.
        for (var i = -1; i < searches; i++)
        {
            var query = Queries[(i + Queries.Length) % Queries.Length];
            var previous = await count.CountAsync() > 0 ? await count.TextContentAsync() : null;
            await box.FillAsync(query);
            var watch = Stopwatch.StartNew();
            await box.PressAsync("Enter");
            await page.WaitForFunctionAsync(
                "previous => { const c = document.getElementById('result-count'); return c && !document.getElementById('search-loading') && c.textContent !== previous; }",
                previous,
                new() { Timeout = 120_000, PollingInterval = 5 });
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i < Queries.Length)
            {
                var shown = await count.TextContentAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {query,-28} {shown,-20} {watch.Elapsed.TotalMilliseconds,8:N0} ms{(i < 0 ? " (untimed, first)" : "")}"));
            }
        }

        return times;
    }
}

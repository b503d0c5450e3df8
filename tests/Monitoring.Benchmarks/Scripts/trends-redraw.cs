#:package Microsoft.Playwright
#:property PublishAot=false
// Measures how long the trends page takes to redraw its three charts when the interval changes, and where the
// time goes: the server's searches (the CSV endpoint runs the same loader), the markup of the charts, and the
// bytes the circuit sends. Run against a running app with the demo data:
//   dotnet run tests/Monitoring.Benchmarks/Scripts/trends-redraw.cs -- http://127.0.0.1:5080 [rounds]
// Figures are written to docs/performance.md by hand, with the machine's load at the time.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

// Each interval with the first and last bucket label the coverage caption shows for the demo corpus.
(string Name, string Label, Regex Caption)[] views =
[
    ("year", "Year", new Regex("2002 – 2026")),
    ("month", "Month", new Regex("Aug 2002 – Mar 2026")),
    ("week", "Week", new Regex("week of \\d+ (Jul|Aug) 2002 – week of \\d+ (Feb|Mar) 2026")),
];

using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
// A different base period per request (it changes no search) keeps the loader's cache of recent views out of the figure.
Console.WriteLine($"Server: the trends loader's searches through /api/trends/coverage.csv, median of {rounds} after one warm-up");
foreach (var (name, _, _) in views)
{
    var times = new List<double>();
    for (var i = 0; i <= rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        (await http.GetAsync($"/api/trends/coverage.csv?interval={name}&bto=2030-01-{i + 1:00}")).EnsureSuccessStatusCode();
        if (i > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine($"  {name,-6} {Median(times),7:0} ms (min {times.Min():0}, max {times.Max():0})");
}

Console.WriteLine("Prerendered /trends?interval=X (what a browser gets before the circuit is up)");
foreach (var (name, _, _) in views)
{
    var watch = Stopwatch.StartNew();
    var html = await http.GetStringAsync($"/trends?interval={name}");
    Console.WriteLine($"  {name,-6} {html.Length / 1024.0,7:0} KB in {watch.Elapsed.TotalMilliseconds:0} ms, charts drawn: {Regex.Matches(html, "<svg[^>]*id=\"\\w+-svg\"").Count}");
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var page = await browser.NewPageAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
long received = 0;
page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
    Interlocked.Add(ref received, frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? ""));
await page.GotoAsync("/trends?interval=year");
await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
await Assertions.Expect(page.Locator("#coverage-chart")).ToContainTextAsync(views[0].Caption, new() { Timeout = 60_000 });

Console.WriteLine($"Browser: click an interval until all three charts show it (and a frame is painted), {rounds} rounds");
var results = views.ToDictionary(view => view.Name, _ => new List<(double Ms, long Bytes)>());
for (var round = 0; round < rounds; round++)
{
    foreach (var view in views.Skip(1).Append(views[0]))
    {
        Interlocked.Exchange(ref received, 0);
        var watch = Stopwatch.StartNew();
        await page.Locator("#interval").GetByText(view.Label, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#coverage-chart")).ToContainTextAsync(view.Caption, new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))");
        results[view.Name].Add((watch.Elapsed.TotalMilliseconds, Interlocked.Read(ref received)));
    }
}

foreach (var (name, _, _) in views)
{
    await page.GotoAsync($"/trends?interval={name}");
    await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
    var markup = await page.EvaluateAsync<int[]>(
        "() => ['coverage-svg', 'tension-svg', 'topics-svg'].map(id => document.getElementById(id)?.outerHTML.length ?? 0)");
    var elements = await page.EvaluateAsync<int>("() => document.querySelectorAll('.time-chart svg *').length");
    var times = results[name].Select(result => result.Ms).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  to {name,-6} {Median(times),6:0} ms (min {times.Min():0}, max {times.Max():0}); circuit sent {results[name].Average(r => r.Bytes) / 1024,6:0} KB; " +
        $"SVG markup {markup.Sum() / 1024.0:0} KB ({string.Join(" + ", markup.Select(m => (m / 1024).ToString(CultureInfo.InvariantCulture)))}), {elements:N0} SVG elements"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

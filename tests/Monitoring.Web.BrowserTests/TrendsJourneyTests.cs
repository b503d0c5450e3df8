using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>An analyst reading the trends and the overview, in a real browser against the real app.</summary>
public sealed partial class TrendsJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    [Fact]
    public async Task TheKeyboard_WalksAChartAndOpensAPoint_ShowingAsManyArticlesAsItCounts()
    {
        var page = await OpenAsync("/trends?interval=year");
        var chart = page.Locator("#coverage-svg");
        var points = chart.Locator("a.point");
        var seriesOrder = (await points.EvaluateAllAsync<string[]>("points => points.map(point => point.dataset.series)")).Distinct().ToList();
        var second = chart.Locator($"a.point[data-series='{seriesOrder[1]}']");
        var expected = second.Nth(3);
        var label = await expected.Locator("title").TextContentAsync();
        var bucket = await expected.GetAttributeAsync("data-bucket");

        // One Tab stop for the chart: no point of it is in the Tab order.
        Assert.Equal(0, await chart.Locator("a[tabindex='0'], a:not([tabindex])").CountAsync());
        await chart.FocusAsync();
        await Assertions.Expect(page.Locator("#coverage-svg-readout")).ToHaveTextAsync((await points.First.Locator("title").TextContentAsync())!);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("#coverage-svg-readout")).ToHaveTextAsync(label!);
        await Assertions.Expect(expected).ToHaveClassAsync(new Regex("\\bactive\\b"));
        await page.Keyboard.PressAsync("Enter");

        var year = int.Parse(bucket![..4], CultureInfo.InvariantCulture);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/search\\?country={seriesOrder[1]}&from={year}-01-01&to={year}-12-31$"));
        var count = CountIn(label);
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(count == 1 ? "1 article" : $"{count} articles");
    }

    [Fact]
    public async Task WithoutScripts_APointIsStillALinkTheMouseFollows()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            StorageState = await app.SignedInStateAsync(browser.Browser),
        });
        await page.GotoAsync("/trends?interval=year");
        var point = page.Locator("#coverage-svg a.point[data-series=RS][data-bucket='2008-01-01']");
        var expected = CountIn(await point.Locator("title").TextContentAsync());

        await point.DispatchEventAsync("click");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?country=RS&from=2008-01-01&to=2008-12-31$"));
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync($"{expected} articles");
    }

    [Fact]
    public async Task TheCoverageCsv_HasOneRowPerBucket_WithTheCountsTheChartShows()
    {
        var page = await OpenAsync("/trends?interval=year&q=Kosovo");
        var kosovo2008 = CountIn(await page.Locator("#coverage-svg a.point[data-series=XK][data-bucket='2008-01-01'] title").TextContentAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#coverage-chart-csv").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path!, TestContext.Current.CancellationToken)).Select(line => line.TrimStart('\uFEFF')).ToList();

        Assert.Matches(@"^coverage-year-\d{8}\.csv$", download.SuggestedFilename);
        Assert.Equal("# query: Kosovo", lines[0]);
        Assert.Contains("# view: /trends?q=Kosovo&interval=year", lines);
        var header = lines.FindIndex(line => line.StartsWith("bucket_start,", StringComparison.Ordinal));
        var columns = lines[header].Split(',');
        var rows = lines.Skip(header + 1).Select(line => line.Split(',')).ToList();
        var row2008 = rows.Single(row => row[0] == "2008-01-01");
        Assert.Equal(kosovo2008.ToString(CultureInfo.InvariantCulture), row2008[Array.IndexOf(columns, "Kosovo (XK)")]);
        // One row per year from the first to the last Kosovo article, none skipped.
        var years = rows.Select(row => int.Parse(row[0][..4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(years[0], years.Count), years);
    }

    [Fact]
    public async Task ClickingATopicBand_ShowsThatTopicsArticlesOfThePeriod()
    {
        var page = await OpenAsync("/trends?interval=year");
        var band = page.Locator("#topics-svg a.point[data-series=elections][data-bucket='2008-01-01']");

        await band.DispatchEventAsync("click");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?topic=elections&from=2008-01-01&to=2008-12-31$"));
        await Assertions.Expect(page.Locator(".search-hit").First).ToContainTextAsync("2008");
    }

    [Fact]
    public async Task TheOverview_ColoursTheBalkanTiles_AndATileOpensThatCountrysWeek()
    {
        // The overview is the front door.
        var page = await OpenAsync("/?day=2008-02-18");

        await Assertions.Expect(page.Locator("#tiles-caption")).ToContainTextAsync("Week of 18 Feb 2008");
        await Assertions.Expect(page.Locator(".tile")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#top-stories")).ToContainTextAsync("Kosovo");
        await Screenshots.SaveAsync(page, "overview.png");

        await page.Locator(".tile[data-country=XK]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?country=XK&from=2008-02-18&to=2008-02-24$"));
        await Assertions.Expect(page.Locator(".search-hit").First).ToBeVisibleAsync();

        // Old links to /overview still work.
        await page.GotoAsync("/overview?day=2008-02-18");
        await Assertions.Expect(page.Locator("#tiles-caption")).ToContainTextAsync("Week of 18 Feb 2008");
    }

    [Fact]
    public async Task BeforeTheCircuitIsUp_TheTrendsPageShowsItsChartsAndControls()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
            JavaScriptEnabled = false,
            StorageState = await app.SignedInStateAsync(browser.Browser),
        });

        // Without scripts there is no circuit: this is the prerendered page.
        await page.GotoAsync("/trends?interval=year");

        await Assertions.Expect(page.Locator("#interval")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#coverage-svg a.point[data-series=XK][data-bucket='2008-01-01']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#topics-svg polygon.series-area").First).ToBeVisibleAsync();

        var interactive = await OpenAsync("/trends?interval=month");
        await interactive.SetViewportSizeAsync(1280, 1000);
        await Assertions.Expect(interactive.Locator("#topics-svg")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(interactive, "trends.png", fullPage: true);
    }

    [Fact]
    public async Task TheDefaultView_OpensOnChartsAPersonCanRead()
    {
        var page = await OpenAsync("/trends");
        await page.SetViewportSizeAsync(1280, 1000);
        await Assertions.Expect(page.Locator("#topics-svg")).ToBeVisibleAsync();

        // The demo data is sparse: the view opens on years, chosen for it, and says so.
        await Assertions.Expect(page.Locator("#interval-auto")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#coverage-chart")).ToContainTextAsync("Articles per year");
        // Every tension-index point drawn on a line rests on enough articles; the others are faded and say how few.
        var onLines = await page.Locator("#tension-svg a.point:not(.uncertain-point) title").AllTextContentsAsync();
        Assert.NotEmpty(onLines);
        Assert.All(onLines, title => Assert.True(
            int.Parse(ArticleCount().Match(title).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= 10,
            $"'{title}' rests on at least 10 articles."));
        var faded = await page.Locator("#tension-svg a.uncertain-point title").AllTextContentsAsync();
        Assert.All(faded, title => Assert.Contains("too few to read", title, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "trends-default.png", fullPage: true);
    }

    [Fact]
    public async Task AtTabletWidthInDarkMode_TheChartsFitTheWindow()
    {
        var page = await OpenAsync("/trends?interval=month");
        await page.SetViewportSizeAsync(820, 1180);
        await page.Locator("#dark-mode-toggle").ClickAsync();
        // Away from the toggle, so that its tooltip is not in the screenshot.
        await page.Mouse.MoveAsync(400, 1100);
        await Assertions.Expect(page.Locator("#topics-svg")).ToBeVisibleAsync();

        var chart = await page.Locator("#coverage-svg").BoundingBoxAsync();
        Assert.True(chart!.Width is > 600 and <= 820, $"The coverage chart takes the window's width ({chart.Width} px).");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "Nothing is wider than the window.");
        await Screenshots.SaveAsync(page, "trends-tablet-dark.png", fullPage: true);
    }

    [Fact]
    public async Task APinnedEvent_AppearsOnTheTrendsCharts()
    {
        var page = await OpenAsync("/events");
        await page.Locator("#annotation-date input, input#annotation-date").First.FillAsync("2008-03-17");
        await page.Locator("#annotation-date input, input#annotation-date").First.PressAsync("Tab");
        await page.Locator("#annotation-label").FillAsync("Unrest in Mitrovica");
        await Assertions.Expect(page.Locator("#annotation-label")).ToHaveValueAsync("Unrest in Mitrovica");
        // Once failed on a CI run at load ~15 with the button not found in 15 s: a longer wait for it before the click.
        await Assertions.Expect(page.Locator("#annotation-save")).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await page.Locator("#annotation-save").ClickAsync();
        await Assertions.Expect(page.Locator("#annotations-table")).ToContainTextAsync("Unrest in Mitrovica");

        await page.GotoAsync("/trends?interval=month");

        var marker = page.Locator("#tension-svg g.annotation[data-annotation-date='2008-03-17']");
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-label", "Event 2008-03-17: Unrest in Mitrovica");
    }

    /// <summary>The count a coverage point's name says ("Kosovo, 2008: 1,204 articles").</summary>
    private static long CountIn(string? label) =>
        long.Parse(CountInName().Match(label!).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@": ([\d,]+) articles?$")]
    private static partial Regex CountInName();

    [GeneratedRegex(@"\(([\d,]+) articles?\)$")]
    private static partial Regex ArticleCount();

    private Task<IPage> OpenAsync(string path) => browser.OpenAsync(app, path, acceptDownloads: true);
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>The analyst's workspace: every search setting in the URL, the article and back, exports of every match.</summary>
public sealed partial class WorkspaceJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    private const string ExampleHeadline = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans";

    [Fact]
    public async Task SearchThenFacetThenArticleThenBack_KeepsEveryPartOfTheSearch()
    {
        var page = await OpenAsync("/search?q=Russia&sort=oldest&tz=UTC&basis=ingested");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("articles");

        // The facets are reachable from the keyboard: focus a checkbox, Space ticks it.
        var serbia = page.Locator("[data-facet=country] [data-facet-value=RS] input");
        await serbia.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("country=RS"));
        // The search bar's progress line comes and goes above the filters while the new search runs: a click
        // aimed while it moves them can miss, so click once the page has settled on the ticked filter.
        await Assertions.Expect(page.Locator("#active-filters")).ToContainTextAsync("Serbia");
        await Assertions.Expect(page.Locator("#search-loading")).ToHaveCountAsync(0);
        await page.Locator("#country-mode-about").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("countries=about"));
        await Assertions.Expect(page.Locator("#country-mode-about")).ToHaveAttributeAsync("aria-pressed", "true");
        var searchUrl = page.Url;
        var count = await page.Locator("#result-count").TextContentAsync();
        var firstTitle = await page.Locator(".search-hit .result-title").First.TextContentAsync();

        await page.Locator(".search-hit .result-title").First.ClickAsync();
        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync(firstTitle!.Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to results" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(searchUrl);
        foreach (var part in new[] { "q=Russia", "sort=oldest", "tz=UTC", "basis=ingested", "country=RS", "countries=about" })
        {
            Assert.Contains(part, page.Url, StringComparison.Ordinal);
        }

        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(count!);
        await Assertions.Expect(page.Locator("#country-mode-about")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#active-filters")).ToContainTextAsync("Serbia");
    }

    [Fact]
    public async Task ExportingCsv_DownloadsEveryMatchingArticle_WithTheSearchWrittenOnTop()
    {
        var page = await OpenAsync("/search?q=Kosovo&country=RS");
        var expected = await ResultCountAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var metadata = lines.TakeWhile(line => line.StartsWith('#')).ToList();
        Assert.Contains("# query: Kosovo", metadata);
        Assert.Contains("# countries: RS", metadata);
        Assert.Contains("# date_basis: published", metadata);
        Assert.Contains("# time_zone: Europe/Belgrade", metadata);
        var header = lines[metadata.Count].Split(',');
        var rows = lines.Skip(metadata.Count + 1).Where(line => line.Length > 0).ToList();
        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Select(row => row.Split(',')[0]).Distinct(StringComparer.Ordinal).Count());
        // Every row is tagged with Serbia (the country column holds space-separated codes, never quoted).
        var countries = Array.IndexOf(header, "countries");
        Assert.All(rows, row => Assert.Contains("RS", CountriesCell(row, countries).Split(' ')));
        await Assertions.Expect(page.Locator("#export-status")).ToContainTextAsync($"Exported {expected.ToString("N0", CultureInfo.InvariantCulture)} rows");
    }

    [Fact]
    public async Task ExportingJson_DownloadsEveryMatchingArticle_AfterTheSearchItCameFrom()
    {
        var page = await OpenAsync("/search?q=Kosovo&from=2008-01-01&to=2008-12-31&sort=tension");
        var expected = await ResultCountAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-json").ClickAsync());
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        var export = json.RootElement.GetProperty("export");
        Assert.Equal("Kosovo", export.GetProperty("query").GetString());
        Assert.Equal("2008-01-01", export.GetProperty("from").GetString());
        Assert.Equal("2008-12-31", export.GetProperty("to").GetString());
        Assert.Equal("tension", export.GetProperty("sort").GetString());
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(expected, articles.Count);
        Assert.Equal(expected, json.RootElement.GetProperty("count").GetInt32());
        Assert.All(articles, article => Assert.StartsWith("2008-", article.GetProperty("published").GetString(), StringComparison.Ordinal));
        var tension = articles.Select(article => article.GetProperty("tension").GetProperty("value").GetDouble()).ToList();
        Assert.Equal(tension.OrderDescending(), tension);
    }

    [Fact]
    public async Task AtTabletWidth_TheFacetsFoldAway_UntilAsked()
    {
        var page = await OpenAsync("/search?q=Kosovo", width: 800);

        await Assertions.Expect(page.Locator("#facet-panel")).ToBeHiddenAsync();
        await page.Locator("#facets-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#facet-panel")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "search-tablet.png");

        var wide = await OpenAsync("/search?q=Kosovo&country=RS", width: 1280);
        await Assertions.Expect(wide.Locator("#facet-panel")).ToBeVisibleAsync();
        await Assertions.Expect(wide.Locator("#facets-toggle")).ToBeHiddenAsync();
        // Beside the results, what stands out in them, each term a link to its articles.
        await Assertions.Expect(wide.Locator("#significant-terms [data-kind=word] a").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(wide, "search.png");
    }

    [Fact]
    public async Task TheArticlePage_ShowsItsTensionBreakdown_AndSimilarArticles()
    {
        var page = await OpenAsync("/search?q=Shoigu");
        await page.GetByRole(AriaRole.Link, new() { Name = ExampleHeadline }).ClickAsync();

        await Assertions.Expect(page.Locator("#tension-kinds")).ToContainTextAsync("Threats weigh 22, acts 11");
        await Assertions.Expect(page.Locator("#similar-articles [data-article-id]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "article.png", fullPage: true);
    }

    private static string CountriesCell(string row, int column)
    {
        // Titles may be quoted and hold commas; the cells before "countries" other than the title never do.
        var cells = CsvCells().Matches(row).Select(match => match.Value).ToList();
        return cells[column];
    }

    [GeneratedRegex("(?<=^|,)(\"([^\"]|\"\")*\"|[^,]*)")]
    private static partial Regex CsvCells();

    private static async Task<int> ResultCountAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("article");
        var text = await page.Locator("#result-count").TextContentAsync();
        return int.Parse(text!.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private Task<IPage> OpenAsync(string path, int width = 1280) => browser.OpenAsync(app, path, width, height: 1000, acceptDownloads: true);
}

using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>An analyst's first minutes with the app, in a real browser against the real app.</summary>
public sealed class SearchJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    private const string ExampleHeadline = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans";

    [Fact]
    public async Task Searching_Shoigu_ShowsTheExampleArticle_AndFilteringBySerbiaKeepsIt()
    {
        var page = await OpenAsync("/search");

        await page.Locator("#search-box").FillAsync("Shoigu");
        await page.Locator("#search-box").PressAsync("Enter");

        var hit = page.Locator(".search-hit", new() { HasText = ExampleHeadline });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        // Shoigu also searches his whole name, so "Sergei" may be marked too.
        await Assertions.Expect(hit.Locator("mark.hit", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Shoigu$") }).First).ToBeVisibleAsync();
        var countryFacet = page.Locator("[data-facet=country]");
        await Assertions.Expect(countryFacet.Locator("[data-facet-value=RS]")).ToContainTextAsync("Serbia");
        await Assertions.Expect(countryFacet.Locator("[data-facet-value=RU]")).ToContainTextAsync("Russia");

        await countryFacet.Locator("[data-facet-value=RS]").GetByText("Serbia").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("country=RS"));
        await Assertions.Expect(page.Locator(".search-hit", new() { HasText = ExampleHeadline })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("1 article");
    }

    [Fact]
    public async Task Searching_Beograd_FindsTheBelgradeArticles_SaysSo_AndTheSwitchSearchesOnlyAsTyped()
    {
        var page = await OpenAsync("/search?q=Belgrade");
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\d+ articles\s*$"));
        var belgrade = (await page.Locator("#result-count").TextContentAsync())!.Trim();

        await page.Locator("#search-box").FillAsync("Beograd");
        await page.Locator("#search-box").PressAsync("Enter");

        await Assertions.Expect(page.Locator("#name-expansions")).ToContainTextAsync("Also searching:");
        await Assertions.Expect(page.Locator("#name-expansions [data-typed=Beograd]")).ToContainTextAsync("Belgrade");
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(belgrade);
        await Assertions.Expect(page.Locator(".search-hit mark.hit").First).ToHaveTextAsync("Belgrade");

        await page.Locator("#name-expansions input[type=checkbox]").UncheckAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("names=exact"));
        await Assertions.Expect(page.Locator("#name-expansions")).ToContainTextAsync("only as typed");
        await Assertions.Expect(page.Locator("#no-results")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpeningAResult_ShowsWhyItWasTagged_AndBackKeepsTheSearch()
    {
        var page = await OpenAsync("/search?q=Shoigu&country=RS");

        await page.GetByRole(AriaRole.Link, new() { Name = ExampleHeadline }).ClickAsync();

        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync(ExampleHeadline);
        await page.Locator("[data-tag='country:XK']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("why=country(%3A|:)XK"));
        await Assertions.Expect(page.Locator("#article-text mark.evidence").First).ToHaveTextAsync("Kosovo");

        await page.GetByRole(AriaRole.Button, new() { Name = "Back to results" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q=Shoigu&country=RS"));
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("1 article");
    }

    [Fact]
    public async Task TrendsPage_ChartsTheDemoCorpusFrom2002To2026_WithKosovoPeakingIn2008()
    {
        var page = await OpenAsync("/trends?interval=month");

        await Assertions.Expect(page.Locator("#coverage-chart")).ToContainTextAsync("Aug 2002 – Mar 2026");
        await Assertions.Expect(page.Locator("#coverage-chart svg").First).ToBeVisibleAsync();

        // Kosovo's declaration of independence (17 February 2008) and its aftermath are its busiest months.
        var kosovo = page.Locator("#coverage-table tr", new() { HasText = "Kosovo" });
        await Assertions.Expect(kosovo).ToContainTextAsync("2008");
    }

    [Fact]
    public async Task ClickingAPointOnTheTrendsChart_ShowsTheArticlesBehindIt()
    {
        // One year of months: each month has its own point (longer ranges give a point to a group of months).
        var page = await OpenAsync("/trends?interval=month&from=2008-01-01&to=2008-12-31");
        var point = page.Locator("#coverage-svg a.point[data-series=XK][data-bucket='2008-02-01']");
        var tooltip = await point.Locator("title").TextContentAsync();
        var expected = int.Parse(System.Text.RegularExpressions.Regex.Match(tooltip!, @": (\d+) articles?$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await point.DispatchEventAsync("click");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("country=XK&from=2008-02-01&to=2008-02-29"));
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(expected == 1 ? "1 article" : $"{expected} articles");
        await Assertions.Expect(page.Locator(".search-hit").First).ToContainTextAsync("Feb 2008");
    }

    private Task<IPage> OpenAsync(string path) => browser.OpenAsync(app, path);
}

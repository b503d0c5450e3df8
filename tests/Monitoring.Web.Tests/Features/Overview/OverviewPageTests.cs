namespace Monitoring.Web.Tests.Features.Overview;

/// <summary>
/// The overview over the demo corpus, whose latest item is of Monday 23 March 2026 (Slovenia's fuel rationing):
/// alone in its week, one of three in March 2026 (with the Kosovan presidential and the Slovenian parliamentary
/// election), one of eleven in 2026 (counted in seeds/corpus by hand).
/// </summary>
public sealed class OverviewPageTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task ByDefault_TheTilesShowTheLatestWeek_AndSuggestALongerPeriodWhenItHasFewArticles()
    {
        var page = await seeded.PageAsync("/");

        Assert.Contains("Tension this week", page, StringComparison.Ordinal);
        Assert.Contains("Week of 23 Mar 2026 (the latest week with articles", page, StringComparison.Ordinal);
        Assert.Contains("1 article about the region", page, StringComparison.Ordinal);
        Assert.Contains("id=\"few-articles\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/overview?period=month\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/overview?period=year\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?country=SI&amp;from=2026-03-23&amp;to=2026-03-29\"", page, StringComparison.Ordinal);
        Assert.Contains("the day&#x27;s only article", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMonthInTheLink_ColoursTheTilesByTheWholeMonth()
    {
        var page = await seeded.PageAsync("/overview?period=month");

        Assert.Contains("Tension this month", page, StringComparison.Ordinal);
        Assert.Contains("March 2026 (the latest month with articles", page, StringComparison.Ordinal);
        Assert.Contains("3 articles about the region", page, StringComparison.Ordinal);
        Assert.Contains("against its own average share over the\n                    12 months before", page.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("href=\"/search?country=XK&amp;from=2026-03-01&amp;to=2026-03-31\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheYearInTheLink_ColoursTheTilesByTheYear_AndKeepsTheDayChosen()
    {
        var page = await seeded.PageAsync("/overview?period=year&day=2025-10-15");

        Assert.Contains("Tension this year", page, StringComparison.Ordinal);
        Assert.Contains("2025 (chosen in the link", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?country=RS&amp;from=2025-01-01&amp;to=2025-12-31\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/overview?period=month&amp;day=2025-10-15\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"few-articles\"", page, StringComparison.Ordinal);
    }
}

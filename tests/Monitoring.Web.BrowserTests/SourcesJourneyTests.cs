using System.Globalization;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>An editor follows a new feed: adds it, polls it now, sees its health and finds its articles.</summary>
public sealed class SourcesJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    // A word no demo article holds, so the search finds exactly the feed's two articles.
    private const string Marker = "Quoxtrelica";
    private const string SourceName = "Drina Valley Courier";

    [Fact]
    public async Task AddingAFeed_AndPollingItNow_UpdatesItsHealthRow_AndMakesItsArticlesSearchable()
    {
        var published = DateTimeOffset.UtcNow - TimeSpan.FromHours(1);
        await using var feed = new FeedServer(Rss(published));
        var page = await OpenAsync("/sources");

        await page.Locator("#source-name").FillAsync(SourceName);
        await page.Locator("#source-url").FillAsync(feed.FeedUrl.ToString());
        await page.Locator("#add-source-button").ClickAsync();
        var row = page.Locator("#sources-table tr", new() { HasText = SourceName });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync(feed.FeedUrl.ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = $"Poll {SourceName} now" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Polling {SourceName}")).ToBeVisibleAsync();

        // The page says "refresh to see the result": the poll runs as a background job.
        await ReloadUntilAsync(page, async () => await row.Locator("td[data-label='Last success']").TextContentAsync() is { } text && text != "never");
        await Assertions.Expect(row.Locator(".source-state")).ToHaveTextAsync("Active");
        await Assertions.Expect(row.Locator("td[data-label='Last fetch']")).ToContainTextAsync("ago");
        await Assertions.Expect(row.Locator(".source-error")).ToHaveCountAsync(0);

        // Two items published in the last 7 days.
        await Assertions.Expect(row.Locator("td[data-label='Items/day']")).ToHaveTextAsync((2 / 7.0).ToString("0.#", CultureInfo.InvariantCulture));
        Assert.Contains("/feed.xml", feed.Requests);

        var search = await OpenAsync($"/search?q={Marker}");
        await ReloadUntilAsync(search, async () => await search.Locator("#result-count").TextContentAsync() == "2 articles");
        await Assertions.Expect(search.Locator(".search-hit", new() { HasText = "ferry" })).ToBeVisibleAsync();
        await Assertions.Expect(search.Locator(".search-hit", new() { HasText = "bridge" })).ToBeVisibleAsync();
    }

    private async Task ReloadUntilAsync(IPage page, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page did not show the poll's result within 90 s; the app printed:\n{app.Process.Log}");
            await Task.Delay(1_000);
            await page.ReloadAsync();
        }
    }

    private static string Rss(DateTimeOffset published)
    {
        var date = published.ToString("R", CultureInfo.InvariantCulture);
        var ferry = string.Concat(Enumerable.Repeat($"Officials in Zvornik and Bratunac said the {Marker} ferry on the Drina would carry cars between Bosnia and Herzegovina and Serbia again. ", 6));
        var bridge = string.Concat(Enumerable.Repeat($"Engineers began work on the {Marker} bridge, closed since the spring floods; the municipality expects lorries to cross by autumn. ", 6));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>{SourceName}</title><link>http://127.0.0.1/</link>
            <item><title>{Marker} ferry resumes service across the Drina</title><link>https://courier.example.org/ferry</link>
              <pubDate>{date}</pubDate><description>{ferry}</description></item>
            <item><title>{Marker} bridge repairs begin near Zvornik</title><link>https://courier.example.org/bridge</link>
              <pubDate>{date}</pubDate><description>{bridge}</description></item>
            </channel></rss>
            """;
    }

    private Task<IPage> OpenAsync(string path) => browser.OpenAsync(app, path);
}

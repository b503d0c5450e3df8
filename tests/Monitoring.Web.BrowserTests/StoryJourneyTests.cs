using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// An analyst comparing how outlets told one event: two outlets push their copies of the example article (RFE/RL on
/// Shoigu in Belgrade) through the push API, the pipeline puts them in the example's story, and "who carried it"
/// lists the three outlets in the order they reported.
/// </summary>
public sealed class StoryJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    private const string ExampleHeadline = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans";

    [Fact]
    public async Task TwoOutletsPushCopiesOfTheExample_AndWhoCarriedIt_ListsTheThreeInOrder_MarkingKosovoAsNamedByOnlySome()
    {
        var key = await app.CreateIngestKeyAsync(browser, "Story journey wire");
        var before = await app.Process.ArticleCountAsync();
        var paragraphs = ExampleParagraphs();
        await PushAsync(key, "N1", "Shoigu in Belgrade: military ties on an upward trend", paragraphs, hoursAfter: 2);
        await PushAsync(key, "Sputnik Srbija", "Shoigu: Russia and Serbia will keep the pace of military cooperation",
            [.. paragraphs.Where(paragraph => !paragraph.Contains("Kosovo", StringComparison.Ordinal))], hoursAfter: 26);

        await app.Process.WaitForAsync(async _ => await app.Process.ArticleCountAsync() >= before + 2, "index the two pushed copies");

        var page = await browser.OpenAsync(app, "/search?q=Shoigu", width: 1366, height: 900);
        // The three copies are one story: the best-ranked copy leads it and names the other outlets.
        var story = page.Locator(".story-outlets");
        await Assertions.Expect(story).ToHaveCountAsync(1);
        await Assertions.Expect(story).ToContainTextAsync("3 outlets");
        await story.Locator("a.who-carried-it").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/stories/"));
        await Assertions.Expect(page.Locator("#story-title")).ToHaveTextAsync(ExampleHeadline);
        var outlets = page.Locator("#story-outlets tbody tr");
        await Assertions.Expect(outlets).ToHaveCountAsync(3);
        Assert.Equal(["RFE/RL", "N1", "Sputnik Srbija"], await outlets.EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.outlet)"));
        await Assertions.Expect(outlets.Nth(0).Locator(".named-by-some[data-country=XK]")).ToBeVisibleAsync();
        await Assertions.Expect(outlets.Nth(2).Locator("[data-country=XK]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "who-carried-it.png", fullPage: true);

        await outlets.Nth(1).Locator("a.outlet-headline").ClickAsync();
        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync("Shoigu in Belgrade: military ties on an upward trend");
    }

    /// <summary>The example article's paragraphs, from its title on (the lines before it are the page's chrome).</summary>
    private static List<string> ExampleParagraphs()
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "articles", "000_da8613f1797e7acd.txt"))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        return [.. lines.SkipWhile(line => line != ExampleHeadline).Skip(1)];
    }

    private async Task PushAsync(string apiKey, string outlet, string title, IReadOnlyList<string> paragraphs, int hoursAfter)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = JsonContent.Create(new
            {
                title,
                text = string.Join("\n\n", paragraphs),
                url = $"https://{outlet.Replace(' ', '-').ToLowerInvariant()}.example/shoigu-belgrade",
                source = outlet,
                language = "en",
                published = new DateTimeOffset(2020, 2, 17, 9, 0, 0, TimeSpan.Zero).AddHours(hoursAfter).ToString("O", CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// Who says what, as an editor and an analyst do it: make an outlet group on the sources page, search within it, and
/// set it beside another group on the trends page.
/// </summary>
public sealed partial class OutletGroupsJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    private const string GroupName = "Journey — encyclopaedic";
    private const string DemoOutlet = "Wikipedia Current events";
    private const string OtherGroup = "International services in the region";

    [Fact]
    public async Task AnEditorMakesAGroup_TheSearchFiltersByIt_AndTheTrendsSetItBesideAnotherGroup()
    {
        var sources = await browser.OpenAsync(app, "/sources");
        await sources.Locator("#group-name").FillAsync(GroupName);
        await sources.Locator("#add-group-button").ClickAsync();
        var group = sources.Locator(".outlet-group", new() { Has = sources.Locator(".group-name", new() { HasText = GroupName }) });
        await Assertions.Expect(group).ToHaveCountAsync(1);
        var groupId = await group.GetAttributeAsync("data-group-id");
        var member = group.Locator(".group-member", new() { HasText = DemoOutlet }).Locator("input[type=checkbox]");
        await member.CheckAsync();
        await Assertions.Expect(member).ToBeCheckedAsync();

        // The demo corpus's articles were indexed before the group existed: they follow once the re-tag has run.
        var search = await browser.OpenAsync(app, $"/search?q=Kosovo&outlet_group={groupId}");
        await ReloadUntilAsync(search, async () => ArticleCount().IsMatch(await search.Locator("#result-count").TextContentAsync() ?? ""));
        await Assertions.Expect(search.Locator("#result-count")).ToHaveTextAsync(ArticleCount());
        await Assertions.Expect(search.Locator("#active-filters")).ToContainTextAsync(GroupName);
        var sourcesOfHits = await search.Locator(".search-hit").AllInnerTextsAsync();
        Assert.NotEmpty(sourcesOfHits);
        Assert.All(sourcesOfHits, hit => Assert.Contains(DemoOutlet, hit, StringComparison.Ordinal));

        var trends = await browser.OpenAsync(app, "/trends");
        await trends.Locator($"#group-picker [data-group='{groupId}']").ClickAsync();
        await Assertions.Expect(trends).ToHaveURLAsync(new Regex($"cmpgroup={groupId}"));
        await trends.Locator("#group-picker .mud-chip", new() { HasText = OtherGroup }).ClickAsync();

        var rows = trends.Locator("#group-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var ours = trends.Locator($"#group-table tbody tr[data-group='{groupId}']");
        await Assertions.Expect(ours).ToContainTextAsync(GroupName);
        await Assertions.Expect(rows.Filter(new() { HasText = OtherGroup })).ToHaveCountAsync(1);
        // Every demo article is the group's: its share of its own output is all of it.
        await Assertions.Expect(ours.Locator("td").Nth(3)).ToHaveTextAsync("100.0 %");
    }

    [GeneratedRegex(@"^\s*[1-9][\d,]* articles?\s*$")]
    internal static partial Regex ArticleCount();

    /// <summary>Reloads a search page until <paramref name="condition"/> holds (90 s at most): a group's articles follow it once re-tagged.</summary>
    internal static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the search did not find the group's articles within 90 s of ticking its outlet");
            await page.WaitForTimeoutAsync(1_000);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#result-count")).ToHaveCountAsync(1);
        }
    }
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// WCAG 2.1 AA as axe-core checks it (rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa) on every page of the app,
/// in the light and the dark theme, at a laptop's width (1366 px) and a tablet's (820 px): no violation at all.
/// The theme is switched with the app bar's own button, as a person switches it.
/// </summary>
public sealed class AccessibilityTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    public static TheoryData<string> Pages =>
    [
        "/",
        "/search?q=Kosovo",
        "/search?q=zzzznomatch",
        "/trends",
        "/alerts",
        "/alerts/new?q=Kosovo",
        "/alerts/inbox",
        "/sources",
        "/events",
        "/admin/users",
        "/admin/api-keys",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task APage_HasNoAccessibilityViolation_InEitherTheme_AtLaptopAndTabletWidth(string path)
    {
        var page = await browser.OpenAsync(app, path, width: 1366, height: 900);

        await AssertAccessibleInBothThemesAndWidthsAsync(page, path);
    }

    [Fact]
    public async Task AnArticlePage_AndItsStory_HaveNoAccessibilityViolation()
    {
        var page = await browser.OpenAsync(app, "/search?q=Kosovo", width: 1366, height: 900);
        await Assertions.Expect(page.Locator(".search-hit").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.Locator(".search-hit .result-title").First.ClickAsync();
        await Assertions.Expect(page.Locator("#article-title")).ToBeVisibleAsync();

        await AssertAccessibleInBothThemesAndWidthsAsync(page, page.Url);

        // "Who carried it" of the article's story: its link when other outlets carried it, else the story of this one
        // article (its own id is the story's key).
        var link = page.Locator("#who-carried-it");
        var storyPath = await link.CountAsync() > 0 ? await link.GetAttributeAsync("href") : "/stories/" + new Uri(page.Url).Segments[^1];
        var story = await browser.OpenAsync(app, storyPath!, width: 1366, height: 900);
        await Assertions.Expect(story.Locator("#story-outlets tbody tr").First).ToBeVisibleAsync();

        await AssertAccessibleInBothThemesAndWidthsAsync(story, story.Url);
    }

    [Fact]
    public async Task TheComparisonOfOutletGroups_AndAChartsTable_HaveNoAccessibilityViolation()
    {
        // A group of one of the demo corpus's outlets, set beside a seeded group (as the outlet groups journey does).
        var sources = await browser.OpenAsync(app, "/sources", width: 1366, height: 900);
        await sources.Locator("#group-name").FillAsync("Accessibility — encyclopaedic");
        await sources.Locator("#add-group-button").ClickAsync();
        var group = sources.Locator(".outlet-group", new() { Has = sources.Locator(".group-name", new() { HasText = "Accessibility — encyclopaedic" }) });
        var groupId = await group.GetAttributeAsync("data-group-id");
        await group.Locator(".group-member", new() { HasText = "Wikipedia Current events" }).Locator("input[type=checkbox]").CheckAsync();
        var search = await browser.OpenAsync(app, $"/search?outlet_group={groupId}", width: 1366, height: 900);
        await OutletGroupsJourneyTests.ReloadUntilAsync(search, async () =>
            OutletGroupsJourneyTests.ArticleCount().IsMatch(await search.Locator("#result-count").TextContentAsync() ?? ""));
        var seeded = await sources.Locator(".outlet-group", new() { Has = sources.Locator(".group-name", new() { HasText = "International services in the region" }) })
            .GetAttributeAsync("data-group-id");

        var page = await browser.OpenAsync(app, $"/trends?cmpgroup={groupId}&cmpgroup={seeded}", width: 1366, height: 900);
        await Assertions.Expect(page.Locator("#group-table tbody tr")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        // A chart's values as a table, shown on request (its text alternative).
        await page.Locator("#group-coverage-chart .chart-table-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#group-coverage-svg-table tbody tr").First).ToBeVisibleAsync();

        await AssertAccessibleInBothThemesAndWidthsAsync(page, page.Url);
    }

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/account/password", true)]
    [InlineData("/account/access-denied", true)]
    public async Task AServerRenderedAccountPage_HasNoAccessibilityViolation_AtLaptopAndTabletWidth(string path, bool signedIn)
    {
        // These pages are plain forms without a circuit (they set the sign-in cookie), so they have no theme switch.
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            StorageState = signedIn ? await app.SignedInStateAsync(browser.Browser) : null,
        });
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        await AssertAccessibleAtBothWidthsAsync(page, path);
    }

    [Fact]
    public async Task ASavedAlertsEditPage_HasNoAccessibilityViolation()
    {
        var page = await browser.OpenAsync(app, "/alerts/new?q=Kosovo", width: 1366, height: 900);
        await page.Locator("#alert-name").FillAsync("Accessibility — Kosovo");
        await page.Locator("#save-alert").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/alerts$"));

        await page.Locator(".alert-row", new() { HasText = "Accessibility — Kosovo" }).Locator(".edit-alert").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/alerts/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#alert-name")).ToHaveValueAsync("Accessibility — Kosovo");
        // The "created" message fades in and out by a CSS animation: axe would measure its colours halfway.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await AssertAccessibleInBothThemesAndWidthsAsync(page, "/alerts/{id}");
    }

    /// <summary>For a page without a circuit (no theme switch): axe at a laptop's and a tablet's width.</summary>
    internal static async Task AssertAccessibleAtBothWidthsAsync(IPage page, string path)
    {
        var problems = new List<string>();
        foreach (var width in new[] { 1366, 820 })
        {
            await page.SetViewportSizeAsync(width, 900);
            problems.AddRange(Describe(await RunAxeAsync(page), $"{path}, {width} px"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task AssertAccessibleInBothThemesAndWidthsAsync(IPage page, string path)
    {
        var problems = new List<string>();
        foreach (var width in new[] { 1366, 820 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await SettleAsync(page);
            foreach (var dark in new[] { false, true })
            {
                await SetThemeAsync(page, dark);
                problems.AddRange(Describe(await RunAxeAsync(page), $"{path}, {(dark ? "dark" : "light")}, {width} px"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task SetThemeAsync(IPage page, bool dark)
    {
        var toggle = page.Locator("#dark-mode-toggle");
        var wanted = dark ? "true" : "false";
        if (await toggle.GetAttributeAsync("aria-pressed") != wanted)
        {
            await toggle.ClickAsync();
        }

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", wanted);
        await SettleAsync(page);
    }

    /// <summary>
    /// Waits until the page is still: the pointer off the toggle (its tooltip would otherwise be measured while it
    /// fades in) and every transition of the theme's colours finished (axe would measure colours halfway).
    /// </summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(1, 400);
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        // Transitions only: an indeterminate progress bar animates for ever. A transition replaced by another is
        // cancelled, so its promise is settled, not necessarily fulfilled.
        await page.EvaluateAsync(
            "() => Promise.allSettled(document.getAnimations().filter(animation => animation instanceof CSSTransition).map(animation => animation.finished))");
    }

    private static Task<AxeResult> RunAxeAsync(IPage page) =>
        page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

    private static IEnumerable<string> Describe(AxeResult result, string where) =>
        result.Violations.Select(violation =>
            $"{where}: {violation.Id} ({violation.Impact}, {violation.Nodes.Length} node(s)): {violation.Help}\n    " +
            string.Join("\n    ", violation.Nodes.Take(5).Select(node =>
                $"{node.Target} — {node.Html[..Math.Min(node.Html.Length, 160)]}\n      {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}")));
}

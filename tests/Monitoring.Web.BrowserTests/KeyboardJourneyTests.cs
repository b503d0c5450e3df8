using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// The browser journeys done by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape; typing into whatever has
/// focus), asserting at every stop where focus is and that it can be seen, and where it goes after a navigation and
/// after a dialog.
/// </summary>
public sealed partial class KeyboardJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    private const string ExampleHeadline = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans";
    private const string AlertName = "Kosovo in Serbia (keyboard)";

    /// <summary>Waits on the seeds' ingestion, which on a loaded machine takes a while after the app's start.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions IngestionDeadline = new() { Timeout = 60_000 };

    [Fact]
    public async Task SearchFilterArticleAndBack_ByKeyboardAlone_WithFocusAlwaysVisible()
    {
        var page = await browser.OpenAsync(app, "/search", width: 1366, height: 900);

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();

        await TabToAsync(page, "#search-box", most: 3);
        await page.Keyboard.TypeAsync("Shoigu");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".search-hit", new() { HasText = ExampleHeadline })).ToBeVisibleAsync(IngestionDeadline);
        await Assertions.Expect(page.Locator("#search-box")).ToBeFocusedAsync();

        const string Serbia = "[data-facet=country] [data-facet-value=RS] input";
        await TabToAsync(page, Serbia);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("country=RS"));
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("1 article");
        // Ticking a filter redraws the results, not the filter: focus stays on the box just ticked.
        await Assertions.Expect(page.Locator(Serbia)).ToBeFocusedAsync();

        await TabToAsync(page, ".search-hit a.result-title");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync(ExampleHeadline);
        await Assertions.Expect(page.Locator("#article-title")).ToBeFocusedAsync();

        await TabToAsync(page, "#back-to-results", most: 3, backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=Shoigu&country=RS"));
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync("1 article");
        // Back on the result that was opened, not at the top of the filters.
        await Assertions.Expect(page.Locator(".search-hit a.result-title", new() { HasText = ExampleHeadline })).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
    }

    [Fact]
    public async Task TrendsPointToArticles_ByKeyboardAlone_TheReadoutSayingThePointsValue()
    {
        var page = await browser.OpenAsync(app, "/trends?interval=year", width: 1366, height: 900);
        await Assertions.Expect(page.Locator("#coverage-svg a.point").First).ToBeAttachedAsync(new() { Timeout = 60_000 });

        // The chart's values as a table, from the button under it.
        await TabToAsync(page, "#coverage-chart .chart-table-toggle", most: 80);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#coverage-svg-table tbody tr").First).ToBeVisibleAsync();

        await TabToAsync(page, "#coverage-svg", most: 40, backwards: true);
        var readout = page.Locator("#coverage-svg-readout");
        await Assertions.Expect(readout).ToHaveTextAsync(PointName());
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        var active = page.Locator("#coverage-svg a.point.active");
        var name = (await active.Locator("title").TextContentAsync())!;
        await Assertions.Expect(readout).ToHaveTextAsync(name);
        var said = PointName().Match(name);
        Assert.True(said.Success, $"'{name}' names series, year and count.");
        var series = await active.GetAttributeAsync("data-series");
        var year = said.Groups["year"].Value;
        var count = int.Parse(said.Groups["count"].Value, CultureInfo.InvariantCulture);

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/search\\?country={series}&from={year}-01-01&to={year}-12-31$"));
        await Assertions.Expect(page.Locator("#result-count")).ToHaveTextAsync(count == 1 ? "1 article" : $"{count} articles");
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AlertFromSearchThenSave_ByKeyboardAlone_AndTheDeleteDialogHoldsFocusAndGivesItBack()
    {
        var page = await browser.OpenAsync(app, "/search?q=Kosovo&country=RS", width: 1366, height: 900);
        await Assertions.Expect(page.Locator(".search-hit").First).ToBeVisibleAsync(IngestionDeadline);

        // Past the filters (thirty-odd boxes) by the skip link at their top.
        await TabToAsync(page, "#skip-filters");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#search-results")).ToBeFocusedAsync();
        await TabToAsync(page, "#create-alert", most: 3);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts/new\\?"));
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();

        await TabToAsync(page, "#alert-name");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(AlertName);
        await TabToAsync(page, "#save-alert");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts$"));
        await Assertions.Expect(page.Locator(".alert-row", new() { HasText = AlertName })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();

        var delete = $"button[aria-label='Delete {AlertName}']";
        await TabToAsync(page, delete);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync(AlertName);
        // The dialog holds focus: Tab goes round its own controls, never back to the page behind it.
        await Assertions.Expect(page.Locator(".mud-dialog :focus, .mud-dialog:focus")).ToHaveCountAsync(1);
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator(".mud-dialog :focus, .mud-dialog:focus")).ToHaveCountAsync(1);
        }

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(delete)).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".alert-row", new() { HasText = AlertName })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AddPauseResumeAndRemoveAFeed_ByKeyboardAlone_FocusNeverLostWithTheRedrawnTable()
    {
        const string Name = "Keyboard Valley Courier";
        // A feed with no items: polling it adds no article to the searches of the other journeys.
        await using var feed = new FeedServer("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Keyboard Valley Courier</title><link>http://127.0.0.1/</link></channel></rss>
            """);
        var page = await browser.OpenAsync(app, "/sources", width: 1366, height: 900);
        await Assertions.Expect(page.Locator("#sources-table")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();

        await TabToAsync(page, "#source-name", most: 5);
        await page.Keyboard.TypeAsync(Name);
        await TabToAsync(page, "#source-url", most: 1);
        await page.Keyboard.TypeAsync(feed.FeedUrl.ToString());
        await TabToAsync(page, "#source-country", most: 3);
        await page.Keyboard.TypeAsync("BA");
        await TabToAsync(page, "#add-source-button", most: 3);
        await page.Keyboard.PressAsync("Enter");

        var row = page.Locator("#sources-table tr", new() { HasText = Name });
        await Assertions.Expect(row).ToContainTextAsync(feed.FeedUrl.ToString());
        await Assertions.Expect(row.Locator(".source-state")).ToHaveTextAsync("Active");
        // The form is emptied for the next feed, and focus is still on its button, not lost with the redrawn table.
        await Assertions.Expect(page.Locator("#source-name")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#add-source-button")).ToBeFocusedAsync();

        // The row's buttons are reached by Tab (22 starter sources before or after it: up to four stops each).
        await TabToAsync(page, $"button[aria-label='Pause {Name}']", most: 150);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.Locator(".source-state")).ToHaveTextAsync("Paused");
        // The same button, now saying what it will do next, keeps focus.
        await Assertions.Expect(page.Locator($"button[aria-label='Resume {Name}']")).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.Locator(".source-state")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator($"button[aria-label='Pause {Name}']")).ToBeFocusedAsync();

        var remove = $"button[aria-label='Remove {Name}']";
        await TabToAsync(page, remove, most: 3);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync(Name);
        await Assertions.Expect(page.Locator(".mud-dialog :focus, .mud-dialog:focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(remove)).ToBeFocusedAsync();
        await Assertions.Expect(row).ToHaveCountAsync(1);

        // Removed for good: the dialog's Remove button is reached by Tab, and with the row gone the heading takes focus.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToContainTextAsync(Name);
        for (var i = 0; i < 4 && await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''") != "Remove"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator(".mud-dialog button:focus")).ToHaveTextAsync("Remove");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the element matching <paramref name="selector"/> has focus, asserting at
    /// every stop on the way that focus can be seen.
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector, int most = 60, bool backwards = false)
    {
        var path = new List<string>();
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await AssertFocusVisibleAsync(page);
            path.Add(focused);
            if (await page.EvaluateAsync<bool>("selector => document.activeElement?.matches(selector) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"{selector} was not reached in {most} presses of {(backwards ? "Shift+Tab" : "Tab")}; focus went: {string.Join(" → ", path)}");
    }

    /// <summary>
    /// Asserts the focused element shows it: an outline of some width or a box shadow, on the element or, for the
    /// native inputs MudBlazor hides inside its checkboxes and switches, on the control drawn around it.
    /// </summary>
    private static async Task<string> AssertFocusVisibleAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<FocusState>("""
            () => {
                const element = document.activeElement;
                if (!element || element === document.body) {
                    return { description: "the page itself", visible: false };
                }
                const box = element.getBoundingClientRect();
                const hidden = box.width < 4 || box.height < 4 || getComputedStyle(element).opacity === "0";
                const shown = hidden ? (element.closest(".mud-button-root, label") ?? element) : element;
                const style = getComputedStyle(shown);
                const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
                    || (style.boxShadow !== "" && style.boxShadow !== "none");
                const name = (element.getAttribute("aria-label") || element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
                return { description: `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""} "${name}"`, visible };
            }
            """);
        Assert.True(focus.Visible, $"Focus can be seen on {focus.Description}.");
        return focus.Description;
    }

    [GeneratedRegex(@"^(?<series>.+), (?<year>\d{4}): (?<count>\d+) articles?$")]
    private static partial Regex PointName();

    private sealed class FocusState
    {
        public string Description { get; set; } = "";

        public bool Visible { get; set; }
    }
}

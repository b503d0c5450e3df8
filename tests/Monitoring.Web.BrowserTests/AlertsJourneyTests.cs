using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>An editor turns a search into an alert, and hears from it when a matching article arrives.</summary>
public sealed class AlertsJourneyTests(RunningApp app, BrowserSession browser)
    : IClassFixture<RunningApp>, IClassFixture<BrowserSession>
{
    private const string AlertName = "Ibar bridge (journey)";

    [Fact]
    public async Task SearchThenCreateAlertThenPreviewThenSave_ListsIt_AndAPushedArticleRingsTheBell_AndIsMarkedReadInTheInbox()
    {
        var page = await OpenAsync("/search?q=Kosovo&country=RS&from=2008-01-01&to=2008-12-31");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("article");

        await page.Locator("#create-alert").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts/new\\?"));
        await Assertions.Expect(page.Locator("#not-kept")).ToContainTextAsync("the date range");
        await Assertions.Expect(page.Locator("#alert-filters [data-filter='country:RS']")).ToContainTextAsync("Serbia");
        await Assertions.Expect(page.Locator("#alert-query")).ToHaveValueAsync("Kosovo");
        // The preview: per-day bars, or a plain word that the last 30 days were quiet; the latest matches either way.
        await Assertions.Expect(page.Locator("#preview-days, #preview-quiet").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview-samples .preview-sample")).ToHaveCountAsync(5);
        await Screenshots.SaveAsync(page, "alert-editor.png", fullPage: true);

        // From the keyboard: the name field, then the save button.
        await page.Locator("#alert-name").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(AlertName);
        await page.Locator("#save-alert").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts$"));
        var row = page.Locator(".alert-row", new() { HasText = AlertName });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".alert-query")).ToHaveTextAsync("“Kosovo” · Serbia");
        await Assertions.Expect(row.Locator(".alert-state")).ToHaveTextAsync("Active");
        await Assertions.Expect(row.Locator(".alert-last-delivery")).ToHaveTextAsync("never");

        await PushArticleAsync(await app.CreateIngestKeyAsync(browser, "Journey wire"));

        // The inbox run triggers matching, matching triggers delivery, and the delivery tells the bell (its own check is only every minute).
        var bell = page.Locator("#notification-bell button");
        // Three background jobs in a row: on a 2-core machine under a load of 40-60 they took over 20 s once.
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread", new() { Timeout = 60_000 });
        await bell.ClickAsync();
        var notification = page.Locator(".notification", new() { HasText = $"[{AlertName}]" });
        await Assertions.Expect(notification).ToContainTextAsync("Serbia and Kosovo argue over the Ibar bridge in Mitrovica");
        await page.Locator(".see-all-notifications").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts/inbox$"));
        var item = page.Locator(".inbox-item", new() { HasText = $"[{AlertName}]" });
        await Assertions.Expect(item).ToHaveClassAsync(new Regex("inbox-unread"));
        await Screenshots.SaveAsync(page, "inbox.png");
        await item.Locator(".inbox-mark-read").ClickAsync();

        await Assertions.Expect(item).Not.ToHaveClassAsync(new Regex("inbox-unread"));
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, none unread");
        await item.Locator(".inbox-title").ClickAsync();
        await Assertions.Expect(page.Locator("#article-title")).ToHaveTextAsync("Serbia and Kosovo argue over the Ibar bridge in Mitrovica");

        await page.GotoAsync("/alerts");
        await Assertions.Expect(page.Locator(".alert-row", new() { HasText = AlertName }).Locator(".alert-last-delivery")).ToHaveTextAsync(new Regex(" ago$"));
        await Screenshots.SaveAsync(page, "alerts.png");
    }

    [Fact]
    public async Task AtTabletWidthInDarkMode_TheEditorStacksThePreviewBelowTheForm()
    {
        var page = await OpenAsync("/alerts/new?q=Kosovo&country=RS", width: 800);
        await page.Locator("#dark-mode-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#preview-archive-total")).ToBeVisibleAsync();

        var form = await page.Locator("#alert-editor").BoundingBoxAsync();
        var preview = await page.Locator("#alert-preview").BoundingBoxAsync();
        Assert.True(preview!.Y >= form!.Y + form.Height, "The preview comes after the form, not beside it.");
        Assert.True(form.Width > 700, "The form takes the whole width.");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "Nothing is wider than the window.");
        await Screenshots.SaveAsync(page, "alert-editor-tablet-dark.png", fullPage: true);
    }

    private async Task PushArticleAsync(string apiKey)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = JsonContent.Create(new
            {
                title = "Serbia and Kosovo argue over the Ibar bridge in Mitrovica",
                text = "Belgrade protested on Friday after Kosovo police closed the main bridge over the Ibar in Mitrovica. "
                    + "Serbia's foreign ministry said the closure broke the agreements reached in Brussels; Pristina said it was temporary.",
                url = "https://journey.example/ibar-bridge",
                source = "Journey Wire",
                language = "en",
                published = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<IPage> OpenAsync(string path, int width = 1280) => browser.OpenAsync(app, path, width, height: 900);
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// A fresh install: the first admin comes from the link in the log, signs in, and creates an analyst, who
/// chooses their own password and sees only what an analyst may use.
/// </summary>
public sealed class AccountsJourneyTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string AdminPassword = "first admin passphrase";
    private const string AnalystPassword = "given by the admin";
    private const string AnalystOwnPassword = "the analyst's own passphrase";

    [Fact]
    public async Task FirstStart_SetupLinkFromTheLog_Admin_CreatesAnAnalyst_WhoCannotReachEditorOrAdminPages()
    {
        using var data = new TemporaryFolder();
        await using var app = await AppProcess.StartAsync(data.Path);
        var link = await app.SetupLinkAsync();
        Assert.Equal(app.BaseAddress.Authority, link.Authority);

        // Nothing but the login page for a stranger.
        var admin = await NewPageAsync(app);
        await admin.GotoAsync("/search");
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fsearch$"));
        await Screenshots.SaveAsync(admin, "login.png");

        // The link from the log: choose the first admin's name and password.
        await admin.GotoAsync(link.PathAndQuery);
        // The one page only a first start shows: checked by axe here, where it exists.
        await AccessibilityTests.AssertAccessibleAtBothWidthsAsync(admin, "/account/setup");
        await admin.SetViewportSizeAsync(1366, 900);
        await admin.Locator("#setup-user").FillAsync("chief");
        await admin.Locator("#setup-password").FillAsync(AdminPassword);
        await admin.Locator("#setup-confirm").FillAsync(AdminPassword);
        await admin.Locator("#setup-submit").ClickAsync();
        await WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.Locator("#nav-admin")).ToBeVisibleAsync();

        // Out and in again through the login form.
        await admin.Locator("#user-menu button").ClickAsync();
        await Assertions.Expect(admin.Locator("#signed-in-as")).ToContainTextAsync("chief (Admin)");
        await admin.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/account/login"));
        await RunningApp.SignInAsync(admin, "chief", AdminPassword, "/account/login?ReturnUrl=%2Fadmin%2Fusers");
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/admin/users$"));
        await WaitForCircuitAsync(admin);

        // A new analyst, with a password the admin chose.
        await admin.Locator("#new-user-name").FillAsync("ana");
        await admin.Locator("#new-user-password").FillAsync(AnalystPassword);
        await admin.Locator("#create-user").ClickAsync();
        var row = admin.Locator(".user-row[data-user=ana]");
        await Assertions.Expect(row.Locator(".user-state")).ToHaveTextAsync("Must change password");
        await Screenshots.SaveAsync(admin, "users.png");

        // The analyst signs in, must choose their own password, then lands where they were going.
        var analyst = await NewPageAsync(app);
        await RunningApp.SignInAsync(analyst, "ana", AnalystPassword, "/account/login?ReturnUrl=%2Fsearch");
        await Assertions.Expect(analyst).ToHaveURLAsync(new Regex("/account/password\\?ReturnUrl=%2Fsearch$"));
        await Assertions.Expect(analyst.Locator("#must-change")).ToBeVisibleAsync();
        await analyst.Locator("#current-password").FillAsync(AnalystPassword);
        await analyst.Locator("#new-password").FillAsync(AnalystOwnPassword);
        await analyst.Locator("#confirm-password").FillAsync(AnalystOwnPassword);
        await analyst.Locator("#password-submit").ClickAsync();
        await Assertions.Expect(analyst).ToHaveURLAsync(new Regex("/search$"));
        await WaitForCircuitAsync(analyst);

        // An analyst's menu: search and trends, no alerts, sources or admin pages.
        await Assertions.Expect(analyst.Locator("a[href='/search']")).ToBeVisibleAsync();
        await Assertions.Expect(analyst.Locator("#nav-alerts")).ToHaveCountAsync(0);
        await Assertions.Expect(analyst.Locator("#nav-admin")).ToHaveCountAsync(0);
        await Assertions.Expect(analyst.Locator("#notification-bell")).ToHaveCountAsync(1); // alerts can be shared with analysts
        foreach (var path in new[] { "/alerts", "/admin/users", "/admin/api-keys" })
        {
            await analyst.GotoAsync(path);
            await Assertions.Expect(analyst).ToHaveURLAsync(new Regex("/account/access-denied"));
            await Assertions.Expect(analyst.Locator("#access-denied")).ToContainTextAsync("ana (Analyst)");
        }

        await Assertions.Expect(row.Locator(".user-state")).ToHaveTextAsync("Must change password"); // the admin's page is not live
        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator(".user-row[data-user=ana] .user-state")).ToHaveTextAsync("Active");
    }

    private async Task<IPage> NewPageAsync(AppProcess app)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString() });
        page.SetDefaultTimeout(15_000);
        return page;
    }

    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
}

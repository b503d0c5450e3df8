using Microsoft.Playwright;
using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// The app on its first start with an empty data folder, shared by a test class: its first admin made
/// with the setup link from the log, and signed in once through the login page (the browser's cookies are
/// then reused by every page the class opens).
/// </summary>
public sealed class RunningApp : IAsyncLifetime
{
    public const string AdminName = "chief";
    public const string AdminPassword = "browser tests admin passphrase";

    private readonly TemporaryFolder _data = new();
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private AppProcess? _app;
    private string? _signedIn;

    public Uri BaseAddress => _app!.BaseAddress;

    /// <summary>The app's watched drop folder: a file put there is imported.</summary>
    public string DropFolder => Path.Combine(_data.Path, "drop");

    public AppProcess Process => _app!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppProcess.StartAsync(_data.Path);
        await _app.CreateFirstAdminAsync(AdminName, AdminPassword);
    }

    /// <summary>The admin's signed-in browser state (cookies), signing in through the login page the first time.</summary>
    public async Task<string> SignedInStateAsync(IBrowser browser)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (_signedIn is null)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
                var page = await context.NewPageAsync();
                await SignInAsync(page, AdminName, AdminPassword);
                _signedIn = await context.StorageStateAsync();
            }

            return _signedIn;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <summary>Signs in through the login page, as a person would, and waits to leave it.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password, string path = "/account/login")
    {
        await page.GotoAsync(path);
        await page.Locator("#login-user").FillAsync(userName);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    /// <summary>A new push-API key with scope <c>ingest:write</c>, made by the admin on the API keys page and read off it (it is shown once).</summary>
    public async Task<string> CreateIngestKeyAsync(BrowserSession browser, string name)
    {
        var page = await browser.OpenAsync(this, "/admin/api-keys");
        await page.Locator("#key-name").FillAsync(name);
        await page.Locator("#create-key").ClickAsync();
        var secret = (await page.Locator("#new-key-secret").TextContentAsync())!.Trim();
        await page.Context.CloseAsync();
        return secret;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _signingIn.Dispose();
        _data.Dispose();
    }
}

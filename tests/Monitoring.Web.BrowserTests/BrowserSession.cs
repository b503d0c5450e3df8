using Microsoft.Playwright;

namespace Monitoring.Web.BrowserTests;

/// <summary>One headless Debian Chromium for the test class, a fresh page per test.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Chromium.EnsureInstalledAsync();
        // The 5 s default is too short for a circuit to come up on a busy 2-core CI machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            // This machine has no internet: without these flags Chromium keeps dialling out and failing.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A new page on <paramref name="path"/> of <paramref name="app"/>, signed in as its admin, once its
    /// Blazor circuit is up (clicks before it would be lost).
    /// </summary>
    public async Task<IPage> OpenAsync(RunningApp app, string path, int width = 1280, int height = 720, bool acceptDownloads = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = acceptDownloads,
            StorageState = await app.SignedInStateAsync(Browser),
        });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        // The first circuit of a freshly started app can take several seconds on a busy machine.
        await Assertions.Expect(page.Locator(".circuit-state[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

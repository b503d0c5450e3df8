using Microsoft.Playwright;
using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>Screenshots the journeys take; kept for the README when MONITORING_SCREENSHOTS names a folder (e.g. docs/screenshots).</summary>
internal static class Screenshots
{
    private const string FolderVariable = "MONITORING_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string fileName, bool fullPage = false)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        Assert.True(bytes.Length > 10_000, "A screenshot of a rendered page is not a few bytes.");
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder)
        {
            var target = Path.IsPathRooted(folder) ? folder : Path.Combine(RepositoryPaths.Root, folder);
            Directory.CreateDirectory(target);
            await File.WriteAllBytesAsync(Path.Combine(target, fileName), bytes);
        }
    }
}

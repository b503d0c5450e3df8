using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// Debian's Chromium, the only browser these tests use (Playwright's own download needs the internet).
/// Installed on demand when the tests run as root; otherwise the tests fail saying what is missing.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath))
            {
                return;
            }

            await Commands.InstallDebianPackagesAsync($"The browser tests (Chromium at {ExecutablePath})", "chromium");
            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException($"apt-get installed chromium but {ExecutablePath} is still missing.");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }
}

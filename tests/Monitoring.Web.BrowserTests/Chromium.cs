using System.Diagnostics;

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

            if (Environment.UserName != "root")
            {
                throw new InvalidOperationException(
                    $"Browser tests need Debian's Chromium at {ExecutablePath}. Install it with 'sudo apt-get install -y chromium' " +
                    "or run the tests as root, which installs it automatically.");
            }

            await RunAsync("apt-get", "update");
            await RunAsync("apt-get", "install -y --no-install-recommends chromium");
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

    private static async Task RunAsync(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {arguments}' failed with exit code {process.ExitCode} while installing Chromium for the browser tests:\n{await errors}\n{await output}");
        }
    }
}

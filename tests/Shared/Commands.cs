using System.Diagnostics;

namespace Monitoring.Tests;

/// <summary>Programs the tests start (package installs, database servers, CLI validators), failing loudly with their output.</summary>
internal static class Commands
{
    private static readonly SemaphoreSlim AptLock = new(1, 1);

    public static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>Runs <paramref name="command"/> to the end and returns its standard output; a non-zero exit throws with both outputs.</summary>
    public static async Task<string> RunAsync(string command, IEnumerable<string> arguments, string purpose, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{command}' ({purpose}).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', start.ArgumentList)}' failed with exit code {process.ExitCode} ({purpose}):\n{await errors}\n{await output}");
        }

        return await output;
    }

    /// <summary>
    /// Installs Debian packages when the tests run as root (as CI does); otherwise throws saying what to install.
    /// One install at a time: apt holds a lock that a second install would fail on.
    /// </summary>
    public static async Task InstallDebianPackagesAsync(string purpose, params string[] packages)
    {
        if (!RunningAsRoot)
        {
            throw new InvalidOperationException(
                $"{purpose} needs Debian's {string.Join(", ", packages)}. Install with 'sudo apt-get install -y {string.Join(' ', packages)}' " +
                "or run the tests as root, which installs it automatically.");
        }

        await AptLock.WaitAsync();
        try
        {
            var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            await RunAsync("apt-get", ["update"], purpose, environment);
            await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", .. packages], purpose, environment);
        }
        finally
        {
            AptLock.Release();
        }
    }
}

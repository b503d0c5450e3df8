using System.Diagnostics;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary>The built <c>monitoring</c> command line, started as a user starts it: from the repository root.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string Assembly => RepositoryPaths.BuiltProgram("Monitoring.Cli", "monitoring.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, bool redirectErrors = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = redirectErrors,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { Assembly }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs the command to its end and returns its exit code and both outputs.</summary>
    public static async Task<Run> RunAsync(params string[] arguments)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("Could not start monitoring.");
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await errors);
    }

    public sealed record Run(int ExitCode, string Output, string Errors);
}

using System.Diagnostics;
using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>
/// The memory of another .NET process: its working set from <c>/proc/&lt;pid&gt;/status</c>, and its GC heap from
/// <c>dotnet-counters</c> when that tool is installed (<c>dotnet tool install -g dotnet-counters</c>).
/// </summary>
internal static class WebProcessMemory
{
    private static readonly string CountersTool = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-counters");

    /// <summary>One line of figures: working set now and at its peak, and the GC heap after the last collection.</summary>
    public static async Task<string> DescribeAsync(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        // The index is memory-mapped: pages of its files read by searches count in the working set (RssFile) but are
        // the kernel's page cache, given back under pressure; RssAnon is the process's own memory.
        var figures = $"working set {Kilobytes(status, "VmRSS:")} (own {Kilobytes(status, "RssAnon:")}, mapped files {Kilobytes(status, "RssFile:")}), peak {Kilobytes(status, "VmHWM:")}";
        var heap = await GcHeapAsync(processId);
        return heap is null ? figures + "; GC heap not read (dotnet-counters not installed)" : figures + "; " + heap;
    }

    /// <summary>The highest working set the process has had (VmHWM), in MB: what the memory target is judged on.</summary>
    public static double PeakWorkingSetMegabytes(int processId) =>
        KilobytesOf(File.ReadAllLines($"/proc/{processId}/status"), "VmHWM:") / 1024.0;

    private static string Kilobytes(string[] status, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{KilobytesOf(status, field) / 1024.0:N0} MB");

    private static long KilobytesOf(string[] status, string field)
    {
        var line = status.First(line => line.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The GC heap after the last collection (all generations, large and pinned object heaps) and the memory the GC
    /// has committed, read over a few seconds of <c>dotnet-counters collect</c>; null without the tool.
    /// </summary>
    private static async Task<string?> GcHeapAsync(int processId)
    {
        if (!File.Exists(CountersTool))
        {
            return null;
        }

        var output = Path.Combine(Path.GetTempPath(), $"bench-counters-{processId}-{Guid.NewGuid():N}.csv");
        var start = new ProcessStartInfo(CountersTool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--format", "csv", "-o", output, "--duration", "00:00:00:04",
            "--counters", "System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size]",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using (var tool = Process.Start(start)!)
        {
            await tool.StandardOutput.ReadToEndAsync();
            await tool.WaitForExitAsync();
        }

        if (!File.Exists(output))
        {
            return "GC heap not read (dotnet-counters wrote nothing)";
        }

        // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment — the last value of each counter (and generation) wins.
        var last = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(output).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 5 && double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                last[string.Join(',', cells[2..^2])] = value;
            }
        }

        File.Delete(output);
        var heap = last.Where(pair => pair.Key.Contains("heap.size", StringComparison.Ordinal)).Sum(pair => pair.Value);
        var committed = last.Where(pair => pair.Key.Contains("committed_size", StringComparison.Ordinal)).Sum(pair => pair.Value);
        return string.Create(CultureInfo.InvariantCulture, $"GC heap {heap / 1048576:N0} MB, GC committed {committed / 1048576:N0} MB");
    }
}

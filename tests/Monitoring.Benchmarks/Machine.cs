using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>
/// What every figure is printed with: this 2-core machine is shared, so a figure means little without the load
/// it was measured under.
/// </summary>
internal static class Machine
{
    /// <summary>The 1-minute load average, or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>Prints the benchmark's heading with the date, the cores and the load at its start, and returns those.</summary>
    public static RunStart Start(string title)
    {
        var start = RunStart.Now();
        Console.WriteLine($"{title}");
        Console.WriteLine($"  {start.StartedAt:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load at start {start.LoadAtStart}");
        return start;
    }

    /// <summary>Prints the load at the benchmark's end and returns it.</summary>
    public static string End()
    {
        var load = LoadAverage();
        Console.WriteLine($"  load at end {load}");
        return load;
    }

    /// <summary>The value below which <paramref name="percent"/> % of the values lie (nearest rank).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);
}

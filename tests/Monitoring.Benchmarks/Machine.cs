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

    /// <summary>Prints the benchmark's heading with the date, the cores and the load at its start.</summary>
    public static void Start(string title)
    {
        Console.WriteLine($"{title}");
        Console.WriteLine($"  {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load at start {LoadAverage()}");
    }

    public static void End() => Console.WriteLine($"  load at end {LoadAverage()}");

    /// <summary>The value below which <paramref name="percent"/> % of the values lie (nearest rank).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);
}

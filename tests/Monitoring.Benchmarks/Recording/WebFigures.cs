namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 7's figures: the search round trips in Chromium, the trends page loads, and the app's memory at each
/// stage (as <c>WebProcessMemory</c> describes it) with the peak working set the target is judged on.
/// </summary>
internal sealed record WebFigures(
    int Articles, IReadOnlyList<double> SearchTimes, IReadOnlyList<(string Interval, double Ms)> TrendsLoads,
    string MemoryAfterStart, string MemoryAfterSearches, string MemoryAfterTrends, double PeakWorkingSetMb)
    : BenchmarkFigures
{
    public const double TargetMb = 1024;

    public override string Key => $"7-web-{Articles}";

    public override string Title => $"7. Web process on {N(Articles)} replayed articles: searches in Chromium, trends, memory";

    public override IEnumerable<string> Figures()
    {
        yield return $"search round trip (Enter → result count shown), {SearchTimes.Count} searches: p50 {Machine.Ms(Machine.Percentile(SearchTimes, 50))} ms, " +
            $"p95 {Machine.Ms(Machine.Percentile(SearchTimes, 95))} ms, max {Machine.Ms(SearchTimes.Max())} ms";
        yield return "trends over the whole index, page interactive with its chart: " +
            string.Join(", ", TrendsLoads.Select(load => $"{load.Interval} {N(load.Ms)} ms"));
        yield return $"after start: {MemoryAfterStart}";
        yield return $"after searches: {MemoryAfterSearches}";
        yield return $"after trends: {MemoryAfterTrends}";
    }

    /// <summary>Judged on the peak working set, so a spike between the three readings counts too.</summary>
    public override IEnumerable<TargetCheck> Targets()
    {
        yield return new TargetCheck("web memory ≤ 1 GB", $"peak working set {N(PeakWorkingSetMb)} MB", PeakWorkingSetMb <= TargetMb);
    }
}

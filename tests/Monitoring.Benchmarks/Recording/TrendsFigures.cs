namespace Monitoring.Benchmarks;

/// <summary>Benchmark 5's figures for one of its filters: the year's view it aggregated and its times.</summary>
internal sealed record TrendsFigures(
    int Articles, int Year, string Filter, long Counted, long Tense, int Days, IReadOnlyList<string> Countries,
    IReadOnlyList<double> Times, double CpuMs, double FirstAggregationMs)
    : BenchmarkFigures
{
    public const double TargetMs = 200;

    public override string Key => $"5-trends-{Articles}-{Slug(Filter)}";

    public override string Title => $"5. Trends aggregation at {N(Articles)} articles: {Year}, daily buckets, ten countries, tension index; {Filter}";

    public override IEnumerable<string> Figures()
    {
        yield return $"{N(Counted)} articles ({N(Tense)} tense) in {Days} days, {Countries.Count} countries ({string.Join(' ', Countries)})";
        yield return $"p50 {Machine.Ms(Machine.Percentile(Times, 50))} ms, p95 {Machine.Ms(Machine.Percentile(Times, 95))} ms, " +
            $"max {Machine.Ms(Times.Max())} ms over {Times.Count} rounds, CPU {Machine.Ms(CpuMs)} ms per aggregation";
        yield return $"first aggregation after opening (every article): {N(FirstAggregationMs)} ms";
    }

    /// <summary>The filter's name in a key: <c>text "oil"</c> becomes <c>text-oil</c>.</summary>
    private static string Slug(string name) =>
        string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public override IEnumerable<TargetCheck> Targets()
    {
        var p95 = Machine.Percentile(Times, 95);
        yield return new TargetCheck($"≤ {N(TargetMs)} ms", $"p95 {Machine.Ms(p95)} ms", p95 <= TargetMs);
    }
}

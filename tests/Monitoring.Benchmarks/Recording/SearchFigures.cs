namespace Monitoring.Benchmarks;

/// <summary>Benchmark 4's figures at one index size: every timed search, and each query of the mix on its own.</summary>
internal sealed record SearchFigures(int Articles, double FirstSearchMs, IReadOnlyList<SearchFigures.Query> Queries) : BenchmarkFigures
{
    public const double TargetP95Ms = 50;

    public override string Key => $"4-search-{Articles}";

    public override string Title => $"4. Search latency at {N(Articles)} articles (query + facets + highlights + first page of 20)";

    private List<double> All => [.. Queries.SelectMany(query => query.Times)];

    public override IEnumerable<string> Figures()
    {
        var all = All;
        var cpu = Queries.Sum(query => query.CpuMs * query.Times.Count) / all.Count;
        yield return $"all {all.Count} searches ({Queries.Count} queries × {Queries[0].Times.Count} rounds): " +
            $"p50 {Machine.Ms(Machine.Percentile(all, 50))} ms, p95 {Machine.Ms(Machine.Percentile(all, 95))} ms, max {Machine.Ms(all.Max())} ms; " +
            $"CPU {Machine.Ms(cpu)} ms per search on average";
        yield return $"first search after opening: {N(FirstSearchMs)} ms";
        yield return "p95 by query: " + string.Join("; ", Queries.Select(query => $"{query.Name} {Machine.Ms(Machine.Percentile(query.Times, 95))} ms"));
    }

    public override IEnumerable<TargetCheck> Targets()
    {
        var p95 = Machine.Percentile(All, 95);
        yield return new TargetCheck($"p95 ≤ {N(TargetP95Ms)} ms", $"p95 {Machine.Ms(p95)} ms", p95 <= TargetP95Ms);
    }

    /// <summary>One query of the mix: its name, how many articles it matched, its times, and its CPU per search.</summary>
    public sealed record Query(string Name, long Matches, IReadOnlyList<double> Times, double CpuMs);
}

namespace Monitoring.Benchmarks;

/// <summary>One compared outlet group's counts, to show the comparison measured is a real one.</summary>
/// <param name="Terms">Significant words, people and countries found in the group's matches.</param>
internal sealed record GroupCounts(string GroupId, long Matches, long Output, long Tense, int Topics, int Terms);

/// <summary>
/// Benchmark 5 with <c>--compare</c>: the engine calls of the trends page's outlet group comparison for one search over a
/// year of days — the charts' two split coverage queries, then what stands out in each group — per round.
/// </summary>
internal sealed record GroupComparisonFigures(
    int Articles, int Year, string Text, IReadOnlyList<GroupCounts> Groups, IReadOnlyList<double> ChartTimes, IReadOnlyList<double> StandOutTimes, double CpuMs)
    : BenchmarkFigures
{
    public const double TargetMs = 500;

    public override string Key => $"5-trends-{Articles}-compare-groups";

    public override string Title => $"5. Outlet group comparison at {N(Articles)} articles: {Groups.Count} groups, \"{Text}\", {Year} in daily buckets";

    private IReadOnlyList<double> Totals => [.. ChartTimes.Zip(StandOutTimes, (charts, standOut) => charts + standOut)];

    public override IEnumerable<string> Figures()
    {
        yield return "groups (id: matches of all articles, tense, topics, terms that stand out): " +
            string.Join("; ", Groups.Select(group => $"{group.GroupId}: {N(group.Matches)} of {N(group.Output)}, {N(group.Tense)} tense, {group.Topics} topics, {group.Terms} terms"));
        yield return $"charts (coverage split by the groups, and their output): p50 {Machine.Ms(Machine.Percentile(ChartTimes, 50))} ms, p95 {Machine.Ms(Machine.Percentile(ChartTimes, 95))} ms";
        yield return $"what stands out, {Groups.Count} groups one after the other: p50 {Machine.Ms(Machine.Percentile(StandOutTimes, 50))} ms, p95 {Machine.Ms(Machine.Percentile(StandOutTimes, 95))} ms";
        yield return $"the whole comparison: p50 {Machine.Ms(Machine.Percentile(Totals, 50))} ms, p95 {Machine.Ms(Machine.Percentile(Totals, 95))} ms, " +
            $"max {Machine.Ms(Totals.Max())} ms over {Totals.Count} rounds, CPU {Machine.Ms(CpuMs)} ms per comparison";
    }

    public override IEnumerable<TargetCheck> Targets()
    {
        var p95 = Machine.Percentile(Totals, 95);
        yield return new TargetCheck($"≤ {N(TargetMs)} ms", $"p95 {Machine.Ms(p95)} ms", p95 <= TargetMs);
    }
}

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 1's figures: the rounds of the plain loop over every Reuters body (wall and CPU seconds), and
/// BenchmarkDotNet's mean per article when it ran.
/// </summary>
internal sealed record EnrichmentFigures(
    int Articles, long AverageCharacters, IReadOnlyList<(double Wall, double Cpu)> Rounds, double? MicroNanosecondsPerArticle)
    : BenchmarkFigures
{
    public const double TargetPerSecond = 5_000;

    public override string Key => "1-enrich";

    public override string Title => "1. Enrichment, one thread, Reuters-21578 bodies";

    private double BestWall => Articles / Rounds.Min(round => round.Wall);

    private double BestCpu => Articles / Rounds.Min(round => round.Cpu);

    public override IEnumerable<string> Figures()
    {
        yield return $"{N(Articles)} articles, {N(AverageCharacters)} characters each on average";
        yield return $"best of {Rounds.Count} rounds: {N(BestWall)} articles/s wall, {N(BestCpu)} per CPU-second";
        yield return "rounds: " + string.Join("; ", Rounds.Select(round => $"{N(round.Wall, 2)} s wall, {N(round.Cpu, 2)} s CPU"));
        yield return MicroNanosecondsPerArticle is { } nanoseconds
            ? $"BenchmarkDotNet: {N(nanoseconds / 1000, 1)} µs per article (mean), {N(1e9 / nanoseconds)} articles/s"
            : "BenchmarkDotNet not run (`--micro no`)";
    }

    public override IEnumerable<TargetCheck> Targets()
    {
        yield return new TargetCheck($"≥ {N(TargetPerSecond)} articles/s on one core", $"{N(BestWall)} articles/s wall", BestWall >= TargetPerSecond);
        // What one core gives when the process has it to itself: on this shared machine, wall time seldom shows it.
        yield return new TargetCheck($"≥ {N(TargetPerSecond)} articles per CPU-second", $"{N(BestCpu)} per CPU-second", BestCpu >= TargetPerSecond);
    }
}

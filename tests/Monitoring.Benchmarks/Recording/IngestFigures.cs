namespace Monitoring.Benchmarks;

/// <summary>Benchmark 2's figures: the best wall (and CPU) seconds of each variant over the same parsed articles.</summary>
internal sealed record IngestFigures(
    int Articles, int Rounds, double FullWall, double FullCpu, double OneCoreWall, double ProductWall, double BareWall, double BareCpu)
    : BenchmarkFigures
{
    public const double TargetPerSecond = 2_000;
    public const double TargetOverhead = 1.5;

    public override string Key => "2-ingest";

    public override string Title => "2. Bulk ingest: parse → enrich → index (embedded Lucene), Reuters-21578 SGML";

    public override IEnumerable<string> Figures()
    {
        yield return $"{N(Articles)} articles, best of {Rounds} rounds each";
        yield return $"full pipeline {N(Articles / FullWall)} articles/s ({N(Articles / FullCpu)} per CPU-second); " +
            $"on one core {N(Articles / OneCoreWall)}; product index without enrichment {N(Articles / ProductWall)}; " +
            $"bare Lucene {N(Articles / BareWall)} ({N(Articles / BareCpu)} per CPU-second)";
        yield return $"overhead: full pipeline {N(FullWall / BareWall, 2)}× bare Lucene in wall time, {N(FullCpu / BareCpu, 2)}× in CPU time; " +
            $"product index without enrichment {N(ProductWall / BareWall, 2)}×";
    }

    public override IEnumerable<TargetCheck> Targets()
    {
        yield return new TargetCheck($"≥ {N(TargetPerSecond)} articles/s", $"{N(Articles / FullWall)} articles/s", Articles / FullWall >= TargetPerSecond);
        yield return new TargetCheck($"≤ {N(TargetOverhead, 1)}× bare Lucene", $"{N(FullWall / BareWall, 2)}× in wall time", FullWall / BareWall <= TargetOverhead);
    }
}

namespace Monitoring.Benchmarks;

/// <summary>Benchmark 8's figures: the time to extract one page in-process, over every page and round.</summary>
internal sealed record ExtractionFigures(int Pages, int Rounds, double MedianMs, double P95Ms, double MaxMs, double MeanWallMs, double MeanCpuMs)
    : BenchmarkFigures
{
    public const double TypicalPageTargetMs = 20;

    public override string Key => "8-extract";

    public override string Title => "8. Article extraction, in-process, one thread";

    public override IEnumerable<string> Figures()
    {
        yield return $"{N(Pages)} pages × {N(Rounds)} rounds after a warm-up round";
        yield return $"per page: median {N(MedianMs, 1)} ms, p95 {N(P95Ms, 1)} ms, slowest {N(MaxMs, 1)} ms";
        yield return $"mean per page: {N(MeanWallMs, 1)} ms wall, {N(MeanCpuMs, 1)} ms CPU";
    }

    /// <summary>"Under 20 ms per typical page": the median page stands for the typical one.</summary>
    public override IEnumerable<TargetCheck> Targets()
    {
        yield return new TargetCheck($"< {N(TypicalPageTargetMs)} ms per typical page", $"median {N(MedianMs, 1)} ms", MedianMs < TypicalPageTargetMs);
    }
}

namespace Monitoring.Benchmarks;

/// <summary>Benchmark 6's figures: registering the alerts, one percolation pass over the batch, one article at a time.</summary>
internal sealed record AlertMatchingFigures(
    int Alerts, int Articles, double RegisterMs, double BatchMedianMs, double BatchMinMs, double BatchMaxMs, int Rounds,
    int Matches, double SingleMedianMs)
    : BenchmarkFigures
{
    public const double TargetMs = 2_000;

    public override string Key => $"6-alerts-{Alerts}x{Articles}";

    public override string Title => $"6. Alert matching, embedded percolator: {N(Alerts)} alerts × {N(Articles)} articles";

    public override IEnumerable<string> Figures()
    {
        yield return $"one pass over the batch: median {N(BatchMedianMs)} ms (min {N(BatchMinMs)}, max {N(BatchMaxMs)}; {Rounds} rounds after a warm-up)";
        yield return $"registering all alerts: {N(RegisterMs)} ms";
        yield return $"matches found: {N(Matches)} ({N((double)Matches / Articles, 1)} per article)";
        yield return $"one article at a time (instant): median {N(SingleMedianMs, 1)} ms per article";
    }

    /// <summary>The issue sets a target for 1,000 × 1,000 only: other sizes are recorded without a verdict.</summary>
    public override IEnumerable<TargetCheck> Targets()
    {
        if (Alerts == 1_000 && Articles == 1_000)
        {
            yield return new TargetCheck($"≤ {N(TargetMs / 1000)} s", $"median {N(BatchMedianMs)} ms", BatchMedianMs <= TargetMs);
        }
    }
}

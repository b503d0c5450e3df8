namespace Monitoring.Benchmarks;

/// <summary>Benchmark 3's figures: how many published items reached the webhook, and how long each took.</summary>
internal sealed record LatencyFigures(int Items, int EverySeconds, int PollMinutes, int Hooks, IReadOnlyList<double> LatenciesMs)
    : BenchmarkFigures
{
    /// <summary>The allowance on top of the source's polling interval.</summary>
    public const double TargetSecondsOverPolling = 5;

    public override string Key => $"3-latency-poll-{PollMinutes}min";

    public override string Title => $"3. Publication → webhook: {Items} items, one every {EverySeconds} s, source polled every {PollMinutes} min";

    private double TargetSeconds => TargetSecondsOverPolling + (PollMinutes * 60);

    public override IEnumerable<string> Figures()
    {
        yield return $"delivered {LatenciesMs.Count} of {Items} items in {Hooks} webhook calls";
        if (LatenciesMs.Count > 0)
        {
            yield return $"publication → webhook: p50 {N(Machine.Percentile(LatenciesMs, 50) / 1000, 1)} s, p95 {N(Machine.Percentile(LatenciesMs, 95) / 1000, 1)} s, " +
                $"min {N(LatenciesMs.Min() / 1000, 1)} s, max {N(LatenciesMs.Max() / 1000, 1)} s";
        }
    }

    /// <summary>An item never delivered misses the target, so a run that lost some cannot meet it.</summary>
    public override IEnumerable<TargetCheck> Targets()
    {
        var target = $"p95 ≤ {N(TargetSecondsOverPolling)} s + the {PollMinutes}-minute polling interval ({N(TargetSeconds)} s)";
        if (LatenciesMs.Count < Items)
        {
            yield return new TargetCheck(target, $"{Items - LatenciesMs.Count} of {Items} items never delivered", Met: false);
            yield break;
        }

        var p95 = Machine.Percentile(LatenciesMs, 95) / 1000;
        yield return new TargetCheck(target, $"p95 {N(p95, 1)} s", p95 <= TargetSeconds);
    }
}

using System.Globalization;
using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>
/// The figures one run of a benchmark at one size measured, as values rather than console text: what its block in
/// docs/performance.md shows, and what its targets are judged on.
/// </summary>
internal abstract record BenchmarkFigures
{
    /// <summary>The block's identity: the benchmark's number in issue 10, its name and its size, e.g. <c>4-search-100000</c>.</summary>
    public abstract string Key { get; }

    /// <summary>The block's heading, e.g. "4. Search latency at 100,000 articles".</summary>
    public abstract string Title { get; }

    /// <summary>The figures the benchmark printed, one line of markdown each.</summary>
    public abstract IEnumerable<string> Figures();

    /// <summary>Each of issue 10's targets that applies to this run, met or not according to the figures.</summary>
    public abstract IEnumerable<TargetCheck> Targets();

    /// <summary>The block's markdown (without its markers): heading with the verdict, the run, the figures, the targets.</summary>
    public string ToMarkdown(RunContext run)
    {
        var targets = Targets().ToList();
        var met = targets.Count(target => target.Met);
        var verdict = targets.Count switch
        {
            0 => "no target at this size",
            1 => met == 1 ? "target met" : "target not met",
            _ => $"{met} of {targets.Count} targets met",
        };
        var block = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"### {Title}: {verdict}\n\n")
            .Append(CultureInfo.InvariantCulture, $"- run: {run.StartedAt:yyyy-MM-dd HH:mm} UTC, {run.Cores} cores, load {run.LoadAtStart} at start and {run.LoadAtEnd} at end\n")
            .Append(CultureInfo.InvariantCulture, $"- command: `{run.Command}`\n");
        foreach (var figure in Figures())
        {
            block.Append(CultureInfo.InvariantCulture, $"- {figure}\n");
        }

        foreach (var target in targets)
        {
            block.Append(CultureInfo.InvariantCulture, $"- target {target.Target}: **{(target.Met ? "met" : "not met")}** ({target.Measured})\n");
        }

        return block.ToString();
    }

    /// <summary>Formats a number the way the benchmarks print it (invariant culture, thousands separators).</summary>
    protected static string N(double value, int decimals = 0) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>One target of issue 10 judged on one run: what it asks, the figure it was judged on, and whether it was met.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);

/// <summary>When and how a run happened: the context every figure is recorded with on this shared machine.</summary>
internal sealed record RunContext(DateTimeOffset StartedAt, string Command, int Cores, string LoadAtStart, string LoadAtEnd);

/// <summary>The moment a benchmark started and the machine's load then.</summary>
internal sealed record RunStart(DateTimeOffset StartedAt, string LoadAtStart)
{
    public static RunStart Now() => new(DateTimeOffset.UtcNow, Machine.LoadAverage());
}

using System.Diagnostics;
using Monitoring.Core.Search;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 5: the trends aggregation (one year of daily buckets with counts, mean tension and the tension
/// index, and the ten countries with most articles as series) on the cached index of N replayed Reuters
/// articles, over every article and over those matching a word; with <c>--compare yes</c> (or a list of group ids),
/// also the outlet group comparison of the trends page for four groups.
/// </summary>
internal static class TrendsLatencyBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var articles = options.Int("articles", 1_000_000);
        var rounds = options.Int("rounds", 20);
        var year = options.Int("year", 2020);
        var start = Machine.Start($"Trends aggregation at {articles:N0} articles: {year}, daily buckets, ten countries, tension index");
        using var index = await ReplayedIndex.OpenAsync(options.IndexRoot, articles);
        var from = new DateOnly(year, 1, 1);
        var filters = new (string Name, ArticleQuery Filter)[]
        {
            ("every article", new ArticleQuery { From = from, To = from.AddYears(1).AddDays(-1) }),
            ("text \"oil\"", new ArticleQuery { Text = "oil", From = from, To = from.AddYears(1).AddDays(-1) }),
        };

        var first = Stopwatch.StartNew();
        await index.GetCoverageAsync(new CoverageQuery(filters[0].Filter, DateInterval.Day, 10));
        var firstMs = first.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  first aggregation after opening: {firstMs:N0} ms");
        var recorded = new List<BenchmarkFigures>();
        foreach (var (name, filter) in filters)
        {
            var query = new CoverageQuery(filter, DateInterval.Day, MaxCountries: 10);
            var trend = await index.GetCoverageAsync(query);
            var times = new List<double>();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            for (var round = 0; round < rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                trend = await index.GetCoverageAsync(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
            var counted = trend.Total.Sum(bucket => bucket.Count);
            var tense = trend.Total.Sum(bucket => bucket.TenseCount);
            if (trend.Total.Count < 365 || trend.Countries.Count != 10 || counted == 0)
            {
                throw new InvalidOperationException($"The {name} trend has {trend.Total.Count} buckets and {trend.Countries.Count} countries: not the view measured.");
            }

            Console.WriteLine($"  {name}: {counted:N0} articles ({tense:N0} tense) in {trend.Total.Count} days, {trend.Countries.Count} countries ({string.Join(' ', trend.Countries.Select(series => series.CountryCode))})");
            recorded.Add(new TrendsFigures(articles, year, name, counted, tense, trend.Total.Count, [.. trend.Countries.Select(series => series.CountryCode)], times, cpu, firstMs));
            Console.WriteLine($"    p50 {Machine.Ms(Machine.Percentile(times, 50))} ms, p95 {Machine.Ms(Machine.Percentile(times, 95))} ms, max {Machine.Ms(times.Max())} ms over {rounds} rounds, CPU {Machine.Ms(cpu)} ms per aggregation (target ≤ 200 ms)");
        }

        if (options.Text("compare", "no") is var compare and not "no")
        {
            recorded.Add(await CompareGroupsAsync(index, articles, year, compare == "yes" ? DefaultGroups : compare.Split(','), rounds));
        }

        var loadAtEnd = Machine.End();
        return FiguresRecorder.Record(options, start, loadAtEnd, recorded);
    }

    /// <summary>Serbia — national, Kosovo — Albanian-language, Kosovo — Serbian-language, International services (ids of the seeds' groups).</summary>
    private static readonly string[] DefaultGroups = ["1", "3", "4", "11"];

    /// <summary>
    /// The engine calls of the trends page's outlet group comparison (<c>/trends?q=oil&amp;interval=day&amp;from=…&amp;to=…&amp;cmpgroup=…</c>,
    /// TrendsLoader and its what-stands-out panels): the search's coverage split by the groups, the groups' whole
    /// output split the same way (the shares' denominator), then the significant terms of the search within each
    /// group, one after the other (the page asks for them side by side; one after the other is the upper bound).
    /// </summary>
    private static async Task<GroupComparisonFigures> CompareGroupsAsync(IArticleSearch index, int articles, int year, IReadOnlyList<string> groups, int rounds)
    {
        var from = new DateOnly(year, 1, 1);
        var filter = new ArticleQuery { Text = "oil", From = from, To = from.AddYears(1).AddDays(-1), OutletGroups = groups, Take = 0 };
        async Task<(CoverageTrend Matches, CoverageTrend Output)> ChartsAsync()
        {
            var matches = await index.GetCoverageAsync(new CoverageQuery(filter, DateInterval.Day, MaxCountries: 0) { SplitByOutletGroups = groups });
            var output = await index.GetCoverageAsync(new CoverageQuery(filter with { Text = null }, DateInterval.Day, MaxCountries: 0) { SplitByOutletGroups = groups });
            return (matches, output);
        }

        async Task<IReadOnlyList<SignificantTerms>> StandOutAsync()
        {
            var found = new List<SignificantTerms>();
            foreach (var group in groups)
            {
                found.Add(await index.GetSignificantTermsAsync(new SignificantTermsQuery(filter with { OutletGroups = [group] })));
            }

            return found;
        }

        // Once untimed: the JIT and the segments' cached values, as in a running app.
        var (matches, output) = await ChartsAsync();
        var terms = await StandOutAsync();
        var charts = new List<double>();
        var standOut = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            (matches, output) = await ChartsAsync();
            charts.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            terms = await StandOutAsync();
            standOut.Add(watch.Elapsed.TotalMilliseconds);
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
        var series = matches.OutletGroups.Select((group, i) => new GroupCounts(
            group.GroupId, group.Total, output.OutletGroups[i].Total, group.Buckets.Sum(bucket => bucket.TenseCount), group.Topics.Count,
            terms[i].Words.Count + terms[i].People.Count + terms[i].Countries.Count)).ToList();
        if (series.Count != groups.Count || series.Any(group => group.Output == 0) || matches.Total.Count < 365)
        {
            throw new InvalidOperationException($"The comparison has {series.Count} groups (output {string.Join(' ', series.Select(group => group.Output))}) over {matches.Total.Count} days: not the view measured (is the index built with outlets?).");
        }

        var figures = new GroupComparisonFigures(articles, year, "oil", series, charts, standOut, cpu);
        foreach (var line in figures.Figures())
        {
            Console.WriteLine("  " + line.Replace("**", "", StringComparison.Ordinal));
        }

        return figures;
    }
}

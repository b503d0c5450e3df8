using System.Diagnostics;
using Monitoring.Core.Search;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 5: the trends aggregation (one year of daily buckets with counts, mean tension and the tension
/// index, and the ten countries with most articles as series) on the cached index of N replayed Reuters
/// articles, over every article and over those matching a word.
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

        var loadAtEnd = Machine.End();
        return FiguresRecorder.Record(options, start, loadAtEnd, recorded);
    }
}

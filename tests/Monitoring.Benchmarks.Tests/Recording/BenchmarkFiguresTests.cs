using Monitoring.Benchmarks;

namespace Monitoring.Benchmarks.Tests.Recording;

/// <summary>Each benchmark's targets judged from its figures, and the block they are written as.</summary>
public class BenchmarkFiguresTests
{
    private static readonly RunContext Run = new(
        new DateTimeOffset(2026, 11, 27, 16, 40, 0, TimeSpan.Zero), "dotnet run -c Release --project tests/Monitoring.Benchmarks -- alerts 1000 1000", 2, "1.43", "1.20");

    // Nearest rank: the 95th percentile of 20 values is the 19th smallest.
    private static List<double> TwentyTimesWith19th(double nineteenth) => [.. Enumerable.Range(1, 18).Select(i => (double)i), nineteenth, (nineteenth * 2) + 1];

    [Fact]
    public void ToMarkdown_WritesTheVerdictTheRunTheFiguresAndTheTargets()
    {
        var figures = new AlertMatchingFigures(1_000, 1_000, 1_234.4, 1_767.2, 1_678, 6_849, 5, 2_400, 1.54);

        Assert.Equal(
            "### 6. Alert matching, embedded percolator: 1,000 alerts × 1,000 articles: target met\n\n" +
            "- run: 2026-11-27 16:40 UTC, 2 cores, load 1.43 at start and 1.20 at end\n" +
            "- command: `dotnet run -c Release --project tests/Monitoring.Benchmarks -- alerts 1000 1000`\n" +
            "- one pass over the batch: median 1,767 ms (min 1,678, max 6,849; 5 rounds after a warm-up)\n" +
            "- registering all alerts: 1,234 ms\n" +
            "- matches found: 2,400 (2.4 per article)\n" +
            "- one article at a time (instant): median 1.5 ms per article\n" +
            "- target ≤ 2 s: **met** (median 1,767 ms)\n",
            figures.ToMarkdown(Run));
    }

    [Theory]
    [InlineData(1_999, true)]
    [InlineData(2_000, true)]
    [InlineData(2_001, false)]
    public void AlertMatching_MeetsItsTarget_WhenTheMedianPassTakesAtMostTwoSeconds(double medianMs, bool met)
    {
        var check = Assert.Single(new AlertMatchingFigures(1_000, 1_000, 100, medianMs, medianMs, medianMs, 5, 10, 1).Targets());

        Assert.Equal(met, check.Met);
    }

    [Fact]
    public void AlertMatching_HasNoTarget_AtOtherSizes()
    {
        var figures = new AlertMatchingFigures(100, 1_000, 10, 50, 40, 60, 5, 10, 1);

        Assert.Empty(figures.Targets());
        Assert.StartsWith("### 6. Alert matching, embedded percolator: 100 alerts × 1,000 articles: no target at this size\n", figures.ToMarkdown(Run), StringComparison.Ordinal);
        Assert.Equal("6-alerts-100x1000", figures.Key);
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(50.5, false)]
    public void Search_IsJudgedOnThe95thPercentileOfEverySearch(double nineteenth, bool met)
    {
        // Two queries of ten rounds: together twenty times, whose 19th smallest is the p95.
        var times = TwentyTimesWith19th(nineteenth);
        var figures = new SearchFigures(100_000, 900, [new("word", 10, times[..10], 3), new("phrase", 5, times[10..], 4)]);

        var check = Assert.Single(figures.Targets());

        Assert.Equal(met, check.Met);
        Assert.Equal($"p95 {Machine.Ms(nineteenth)} ms", check.Measured);
        Assert.Equal("4-search-100000", figures.Key);
        Assert.Contains("- all 20 searches (2 queries × 10 rounds): p50 10 ms, ", figures.ToMarkdown(Run), StringComparison.Ordinal);
    }

    [Fact]
    public void Trends_HaveOneKeyPerSizeAndFilter()
    {
        TrendsFigures Trend(int articles, string filter) => new(articles, 2020, filter, 1, 0, 366, ["US"], [1], 1, 1);

        Assert.Equal("5-trends-1000000-every-article", Trend(1_000_000, "every article").Key);
        Assert.Equal("5-trends-1000000-text-oil", Trend(1_000_000, "text \"oil\"").Key);
        Assert.Equal("5-trends-100000-text-oil", Trend(100_000, "text \"oil\"").Key);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Trends_MeetTheirTarget_WhenP95IsAtMost200Ms(double nineteenth, bool met)
    {
        var figures = new TrendsFigures(1_000_000, 2020, "every article", 400_000, 9_000, 366, ["US"], TwentyTimesWith19th(nineteenth), 80, 900);

        Assert.Equal(met, Assert.Single(figures.Targets()).Met);
    }

    [Fact]
    public void Enrichment_IsJudgedOnWallTimeAndPerCpuSecond_Separately()
    {
        // 10,000 articles: best wall round 2.5 s (4,000/s), best CPU round 1.6 s (6,250 per CPU-second).
        var figures = new EnrichmentFigures(10_000, 900, [(3.0, 1.8), (2.5, 1.6), (2.6, 1.7)], null);

        var checks = figures.Targets().ToList();

        Assert.Equal([false, true], checks.Select(check => check.Met));
        Assert.Equal(["4,000 articles/s wall", "6,250 per CPU-second"], checks.Select(check => check.Measured));
        Assert.StartsWith("### 1. Enrichment, one thread, Reuters-21578 bodies: 1 of 2 targets met\n", figures.ToMarkdown(Run), StringComparison.Ordinal);
        Assert.Contains("- BenchmarkDotNet not run (`--micro no`)\n", figures.ToMarkdown(Run), StringComparison.Ordinal);
    }

    [Fact]
    public void Enrichment_ReportsBenchmarkDotNetsMean_WhenItRan()
    {
        var figures = new EnrichmentFigures(10_000, 900, [(2.0, 2.0)], 180_000);

        Assert.Contains("- BenchmarkDotNet: 180.0 µs per article (mean), 5,556 articles/s\n", figures.ToMarkdown(Run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7.0, 5.0, true, true)]   // 2,000 articles/s; 1.4× bare Lucene
    [InlineData(7.1, 5.0, false, true)]  // 1,972 articles/s
    [InlineData(7.0, 4.6, true, false)]  // 1.52× bare Lucene
    public void Ingest_IsJudgedOnArticlesPerSecond_AndTheOverheadOverBareLucene(double fullWall, double bareWall, bool fastEnough, bool overheadSmallEnough)
    {
        var figures = new IngestFigures(14_000, 2, fullWall, 12, 20, 6, bareWall, 5);

        Assert.Equal([fastEnough, overheadSmallEnough], figures.Targets().Select(check => check.Met));
    }

    [Theory]
    [InlineData(1, 65_000, true)]
    [InlineData(1, 65_001, false)]
    [InlineData(5, 305_000, true)]
    public void Latency_IsJudgedAgainstFiveSecondsPlusThePollingInterval(int pollMinutes, double nineteenthMs, bool met)
    {
        var figures = new LatencyFigures(20, 6, pollMinutes, 20, TwentyTimesWith19th(nineteenthMs));

        Assert.Equal(met, Assert.Single(figures.Targets()).Met);
        Assert.Equal($"3-latency-poll-{pollMinutes}min", figures.Key);
    }

    [Fact]
    public void Latency_MissesItsTarget_WhenAnItemWasNeverDelivered()
    {
        var figures = new LatencyFigures(21, 6, 1, 20, TwentyTimesWith19th(1_000));

        var check = Assert.Single(figures.Targets());

        Assert.False(check.Met);
        Assert.Equal("1 of 21 items never delivered", check.Measured);
    }

    [Theory]
    [InlineData(1_024, true)]
    [InlineData(1_025, false)]
    public void Web_IsJudgedOnThePeakWorkingSet(double peakMb, bool met)
    {
        var figures = new WebFigures(1_000_000, [300, 310, 560], [("year", 2_000), ("month", 1_500)], "a", "b", "c", peakMb);

        Assert.Equal(met, Assert.Single(figures.Targets()).Met);
        Assert.Contains("- trends over the whole index, page interactive with its chart: year 2,000 ms, month 1,500 ms\n", figures.ToMarkdown(Run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(19.9, true)]
    [InlineData(20, false)]
    public void Extraction_IsJudgedOnTheMedianPage_UnderTwentyMilliseconds(double medianMs, bool met)
    {
        var figures = new ExtractionFigures(118, 5, medianMs, 60, 900, 25, 24);

        var check = Assert.Single(figures.Targets());

        Assert.Equal(met, check.Met);
        Assert.Equal($"median {medianMs:0.0} ms", check.Measured);
        Assert.Contains("- per page: median", figures.ToMarkdown(Run), StringComparison.Ordinal);
    }
}

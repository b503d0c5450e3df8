using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 1: the enricher (language, countries, topics, people and organisations, tension) over the
/// Reuters-21578 bodies on one thread. BenchmarkDotNet gives the per-article cost on a fixed sample; a plain
/// loop over every body gives articles/s, in wall time and per CPU-second of the thread (which the other
/// users of the machine disturb far less).
/// </summary>
internal static class EnrichmentBenchmark
{
    private const int Rounds = 3;

    public static int Run(Options options)
    {
        var start = Machine.Start("Enrichment, one thread, Reuters-21578 bodies");
        var articles = ReutersReplay.ReadArticles();
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        var characters = articles.Sum(article => (long)article.Title.Length + article.Body.Length);
        Console.WriteLine($"  {articles.Count:N0} articles, {characters / articles.Count:N0} characters each on average");

        EnrichAll(enricher, articles);
        var rounds = new List<(double Wall, double Cpu)>();
        for (var round = 0; round < Rounds; round++)
        {
            rounds.Add(EnrichAll(enricher, articles));
        }

        foreach (var (wall, cpu) in rounds)
        {
            Console.WriteLine($"  round: {wall:N2} s wall, {cpu:N2} s CPU: {articles.Count / wall:N0} articles/s, {articles.Count / cpu:N0} per CPU-second");
        }

        var best = rounds.MinBy(round => round.Wall);
        Console.WriteLine($"  best of {Rounds}: {articles.Count / best.Wall:N0} articles/s on one core (target ≥ 5,000)");
        var loadAtEnd = Machine.End();

        double? microNanoseconds = null;
        if (options.Text("micro", "yes") == "yes")
        {
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
                .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            var summary = BenchmarkRunner.Run<EnrichOneArticle>(config);
            microNanoseconds = summary.Reports.FirstOrDefault()?.ResultStatistics?.Mean;
            loadAtEnd = Machine.End();
        }

        return FiguresRecorder.Record(options, start, loadAtEnd, new EnrichmentFigures(articles.Count, characters / articles.Count, rounds, microNanoseconds));
    }

    /// <summary>Wall and CPU seconds of enriching every article once on this thread.</summary>
    private static (double Wall, double Cpu) EnrichAll(ArticleEnricher enricher, List<Article> articles)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var tagged = 0;
        foreach (var article in articles)
        {
            tagged += enricher.Enrich(article).Tags.Countries.Count;
        }

        watch.Stop();
        process.Refresh();
        GC.KeepAlive(tagged);
        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }
}

/// <summary>The per-article cost: one operation enriches one article of a fixed sample of every 48th story.</summary>
public class EnrichOneArticle
{
    private const int SampleSize = 256;

    private ArticleEnricher _enricher = null!;
    private Article[] _sample = [];

    [GlobalSetup]
    public void Setup()
    {
        _enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        var articles = ReutersReplay.ReadArticles();
        _sample = [.. articles.Where((_, i) => i % (articles.Count / SampleSize) == 0).Take(SampleSize)];
    }

    [Benchmark(OperationsPerInvoke = SampleSize)]
    public int Enrich()
    {
        var tags = 0;
        foreach (var article in _sample)
        {
            tags += _enricher.Enrich(article).Tags.Countries.Count;
        }

        return tags;
    }
}

using System.Diagnostics;
using Monitoring.Ingestion.Pages;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Benchmark 8: article extraction in-process, as the feed poll runs it on a fetched page: the readability
/// development pages (real sites, 2 KB to 1.5 MB) and the regional pages of our own, each extracted several
/// times after a warm-up; the figure is the time per page (the median stands for a typical page).
/// </summary>
internal static class ExtractionBenchmark
{
    public static int Run(Options options)
    {
        var rounds = options.Int("rounds", 5);
        var start = Machine.Start("Article extraction, in-process, one thread");
        var pages = ReadPages();
        Console.WriteLine($"  {pages.Count} pages, median size {Machine.Percentile([.. pages.Select(page => (double)page.Html.Length)], 50) / 1024:N0} KB");

        var extractor = new ArticlePageExtractor();
        foreach (var page in pages)
        {
            extractor.Extract(page.Html, page.Url); // warm-up: JIT and the parser's first allocations
        }

        var perPage = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var page in pages)
            {
                var watch = Stopwatch.StartNew();
                var extracted = extractor.Extract(page.Html, page.Url);
                perPage.Add(watch.Elapsed.TotalMilliseconds);
                GC.KeepAlive(extracted);
            }
        }

        wall.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / perPage.Count;
        var figures = new ExtractionFigures(pages.Count, rounds, Machine.Percentile(perPage, 50), Machine.Percentile(perPage, 95), perPage.Max(), wall.Elapsed.TotalMilliseconds / perPage.Count, cpuMs);
        foreach (var line in figures.Figures())
        {
            Console.WriteLine($"  {line}");
        }

        return FiguresRecorder.Record(options, start, Machine.End(), figures);
    }

    private static List<(string Html, Uri Url)> ReadPages()
    {
        var readability = Path.Combine(RepositoryPaths.Corpora, "readability", "test-pages");
        var regional = Path.Combine(RepositoryPaths.Root, "tests", "Monitoring.Ingestion.Tests", "Pages", "Regional");
        var sources = Directory.GetDirectories(readability).Select(folder => Path.Combine(folder, "source.html"))
            .Concat(Directory.GetFiles(regional, "*.html"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
        return [.. sources.Select(path => (File.ReadAllText(path), new Uri($"https://example.org/{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}")))];
    }
}

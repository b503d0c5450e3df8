using System.Diagnostics;
using System.Globalization;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Cli;

/// <summary>
/// Measures page extraction against a folder of test pages: readability's layout (one folder per page with
/// source.html, expected.html, expected-metadata.json; text F1 and metadata accuracy), with <c>--format pairs</c>
/// name.html beside name.txt (the regional test pages; text F1 only) or, with
/// <c>--format scrapinghub DIR</c>, the article-extraction benchmark's (pages and ground-truth.json; its
/// shingle precision, recall and F1 with bootstrap intervals).
/// </summary>
internal static class EvalExtractionCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var format = CommandLineOptions.Option(args, "--format") ?? "readability";
        if (string.Equals(format, "scrapinghub", StringComparison.Ordinal))
        {
            return RunScrapinghub(args);
        }

        if (format is not ("readability" or "pairs"))
        {
            Console.Error.WriteLine($"eval extraction: unknown --format {format} (readability, pairs or scrapinghub)");
            return 2;
        }

        var folder = CommandLineOptions.Option(args, "--pages") ?? Path.Combine("..", "shared", "data", "readability", "test-pages");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"eval extraction: no folder {folder} (give --pages DIR)");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var report = format is "pairs" ? ExtractionEvaluation.RunPairs(folder, new ArticlePageExtractor()) : ExtractionEvaluation.Run(folder, new ArticlePageExtractor());
        watch.Stop();
        var micro = report.Micro;
        Print($"{report.Pages.Count} pages from {folder} in {watch.ElapsedMilliseconds} ms");
        Print($"text F1 mean per page {report.MeanF1:0.000} (precision {report.MeanPrecision:0.000}, recall {report.MeanRecall:0.000})");
        Print($"text F1 micro        {micro.F1:0.000} (precision {micro.Precision:0.000}, recall {micro.Recall:0.000}, {micro.ExpectedTokens:N0} expected tokens)");
        Print($"extraction time      {report.Pages.Sum(page => page.Elapsed.TotalMilliseconds):0} ms in total, slowest {report.Pages.Max(page => page.Elapsed.TotalMilliseconds):0} ms");
        Print($"pages with F1 >= 0.9 {report.Pages.Count(page => page.Text.F1 >= 0.9)}, < 0.5 {report.Pages.Count(page => page.Text.F1 < 0.5)}, refused {report.Pages.Count(page => !page.Extracted.Succeeded)}");
        Field(report, "title exact", meta => meta.Title, page => page.TitleExact);
        Field(report, "title normalised", meta => meta.Title, page => page.TitleNormalised);
        Field(report, "title headline", meta => meta.Title, page => page.TitleHeadline);
        Field(report, "byline exact", meta => meta.Byline, page => page.BylineExact);
        Field(report, "byline normalised", meta => meta.Byline, page => page.BylineNormalised);
        Field(report, "language", meta => meta.Language, page => page.LanguageMatches);
        Field(report, "published instant", meta => meta.Published, page => page.PublishedSameInstant);
        Field(report, "published day", meta => meta.Published, page => page.PublishedSameDay);

        if (args.Contains("--pages-detail"))
        {
            foreach (var page in report.Pages.OrderBy(page => page.Text.F1))
            {
                Print($"{page.Name,-32} F1 {page.Text.F1:0.00} P {page.Text.Precision:0.00} R {page.Text.Recall:0.00} {page.Elapsed.TotalMilliseconds:0} ms {page.Extracted.Error} [{page.Extracted.Trace.ContentElement}]");
                Mismatch("title", page.Expected.Title, page.Extracted.Title, page.Expected.Title is null || page.TitleExact);
                Mismatch("byline", page.Expected.Byline, page.Extracted.Byline, page.Expected.Byline is null || page.BylineNormalised);
                Mismatch("why", null, page.Extracted.Trace.Fallback, page.Extracted.Trace.Fallback is null);
                Mismatch("language", page.Expected.Language, page.Extracted.Language, page.Expected.Language is null || page.LanguageMatches);
                Mismatch("published", page.Expected.Published, page.Extracted.Published?.ToString("o", CultureInfo.InvariantCulture), page.Expected.Published is null || page.PublishedSameInstant);
            }
        }

        return 0;
    }

    private static int RunScrapinghub(IReadOnlyList<string> args)
    {
        var folder = CommandLineOptions.Option(args, "scrapinghub") ?? CommandLineOptions.Option(args, "--pages");
        if (folder is null || !File.Exists(Path.Combine(folder, ScrapinghubEvaluation.GroundTruthFile)))
        {
            Console.Error.WriteLine($"eval extraction: no {ScrapinghubEvaluation.GroundTruthFile} in {folder ?? "(no folder given)"} (give --format scrapinghub DIR)");
            return 2;
        }

        ScrapinghubReport report;
        var watch = Stopwatch.StartNew();
        try
        {
            report = ScrapinghubEvaluation.Run(folder, new ArticlePageExtractor());
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or System.Text.Json.JsonException or AggregateException)
        {
            Console.Error.WriteLine($"eval extraction: {(exception is AggregateException aggregate ? aggregate.InnerExceptions[0].Message : exception.Message)}");
            return 2;
        }

        watch.Stop();
        var score = report.Score;
        var times = report.Pages.Select(page => page.Elapsed.TotalMilliseconds).Order().ToList();
        Print($"{report.Pages.Count} pages from {folder} in {watch.ElapsedMilliseconds} ms (shingles of {ShingleOverlap.ShingleLength} tokens, 1000 bootstrap resamples)");
        Print($"precision {score.Precision:0.000} ± {score.PrecisionInterval:0.000}");
        Print($"recall    {score.Recall:0.000} ± {score.RecallInterval:0.000}");
        Print($"F1        {score.F1:0.000} ± {score.F1Interval:0.000}");
        Print($"pages with F1 >= 0.9 {report.Pages.Count(page => PageF1(page) >= 0.9)}, < 0.5 {report.Pages.Count(page => PageF1(page) < 0.5)}, empty {report.Pages.Count(page => page.Extracted.Paragraphs.Count == 0)}");
        if (times.Count > 0)
        {
            Print($"extraction time      median {times[times.Count / 2]:0} ms, slowest {times[^1]:0} ms per page");
        }

        if (args.Contains("--pages-detail"))
        {
            foreach (var page in report.Pages.OrderBy(PageF1))
            {
                Print($"{page.Id,-32} F1 {PageF1(page):0.00} P {page.Overlap.Precision:0.00} R {page.Overlap.Recall:0.00} {page.Elapsed.TotalMilliseconds:0} ms {page.Extracted.Error} [{page.Extracted.Trace.ContentElement}] {page.Extracted.Trace.Fallback}");
            }
        }

        return 0;
    }

    private static double PageF1(ScrapinghubPage page)
    {
        var (precision, recall) = (page.Overlap.Precision, page.Overlap.Recall);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static void Field(ExtractionReport report, string name, Func<ExpectedMetadata, string?> field, Func<PageEvaluation, bool> correct)
    {
        var (hits, stated) = report.Accuracy(field, correct);
        Print($"{name,-20} {hits}/{stated} = {(stated == 0 ? 0 : hits / (double)stated):0.000}");
    }

    private static void Mismatch(string field, string? expected, string? actual, bool matches)
    {
        if (!matches)
        {
            Print($"    {field}: expected «{expected}» got «{actual}»");
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Print(string line) => Console.WriteLine(line);
}

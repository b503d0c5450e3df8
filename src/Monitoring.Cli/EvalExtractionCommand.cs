using System.Diagnostics;
using System.Globalization;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Cli;

/// <summary>Measures page extraction against a folder of test pages and prints text F1 and metadata accuracy.</summary>
internal static class EvalExtractionCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var folder = CommandLineOptions.Option(args, "--pages") ?? Path.Combine("..", "shared", "data", "readability", "test-pages");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"eval extraction: no folder {folder} (give --pages DIR)");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var report = ExtractionEvaluation.Run(folder, new ArticlePageExtractor());
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
                Mismatch("title", page.Expected.Title, page.Extracted.Title, page.Expected.Title is null || page.TitleHeadline);
                Mismatch("byline", page.Expected.Byline, page.Extracted.Byline, page.Expected.Byline is null || page.BylineNormalised);
                Mismatch("language", page.Expected.Language, page.Extracted.Language, page.Expected.Language is null || page.LanguageMatches);
                Mismatch("published", page.Expected.Published, page.Extracted.Published?.ToString("o", CultureInfo.InvariantCulture), page.Expected.Published is null || page.PublishedSameInstant);
            }
        }

        return 0;
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

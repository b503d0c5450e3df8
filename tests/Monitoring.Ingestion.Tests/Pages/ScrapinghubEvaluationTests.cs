using System.IO.Compression;
using System.Text;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Tests.Pages;

/// <summary>The benchmark layout read end to end on two pages made here, with figures worked out by hand.</summary>
public sealed class ScrapinghubEvaluationTests : IDisposable
{
    // 20 tokens: 17 shingles.
    private const string Shown = "Officials in Pristina and Belgrade met on Tuesday in Brussels and agreed to reopen two border crossings before the winter";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-scrapinghub-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadsGzippedAndPlainPages_AndScoresThemWithTheBenchmarkMetric()
    {
        var page = $"<html><body><article><p>{Shown}.</p></article></body></html>";
        using (var gzip = new GZipStream(File.Create(Path.Combine(_folder, "first.html.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(page));
        }

        Directory.CreateDirectory(Path.Combine(_folder, "html"));
        File.WriteAllText(Path.Combine(_folder, "html", "second.html"), page);
        // The second page's expected body has five tokens the page never shows: 22 shingles, 17 found.
        File.WriteAllText(Path.Combine(_folder, ScrapinghubEvaluation.GroundTruthFile), $$$"""
            {"first": {"articleBody": "{{{Shown}}}.", "url": "https://example.org/first"},
             "second": {"articleBody": "{{{Shown}}}. The envoy said on Friday", "url": "https://example.org/second"}}
            """);

        var report = ScrapinghubEvaluation.Run(_folder, new ArticlePageExtractor());

        Assert.Equal(["first", "second"], report.Pages.Select(evaluated => evaluated.Id));
        Assert.Equal(1.0, report.Score.Precision, 9);
        Assert.Equal((1 + (17 / 22.0)) / 2, report.Score.Recall, 9);
        var recall = (1 + (17 / 22.0)) / 2;
        Assert.Equal(2 * recall / (1 + recall), report.Score.F1, 9);
    }
}

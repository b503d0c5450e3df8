namespace Monitoring.Cli.Tests;

/// <summary>`eval extraction --format scrapinghub DIR` on a two-page benchmark made here, figures worked out by hand.</summary>
public sealed class EvalExtractionCommandTests : IDisposable
{
    // 20 tokens, 17 four-token shingles.
    private const string Shown = "Officials in Pristina and Belgrade met on Tuesday in Brussels and agreed to reopen two border crossings before the winter";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-eval-extraction-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ScrapinghubFormat_PrintsTheBenchmarksPrecisionRecallAndF1_WithIntervals()
    {
        var page = $"<html><body><article><p>{Shown}.</p></article></body></html>";
        File.WriteAllText(Path.Combine(_folder, "first.html"), page);
        File.WriteAllText(Path.Combine(_folder, "second.html"), page);
        // The second body has five more tokens than the page shows: recall 17/22 there, 1 on the first page.
        File.WriteAllText(Path.Combine(_folder, "ground-truth.json"), $$$"""
            {"first": {"articleBody": "{{{Shown}}}.", "url": "https://example.org/first"},
             "second": {"articleBody": "{{{Shown}}}. The envoy said on Friday", "url": "https://example.org/second"}}
            """);

        var run = await CliProcess.RunAsync("eval", "extraction", "--format", "scrapinghub", _folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("precision 1.000 ± 0.000", run.Output, StringComparison.Ordinal);
        Assert.Contains("recall    0.886 ± ", run.Output, StringComparison.Ordinal);   // (1 + 17/22) / 2
        Assert.Contains("F1        0.940 ± ", run.Output, StringComparison.Ordinal);   // 2 · 0.886 / 1.886
    }

    [Fact]
    public async Task ScrapinghubFormat_RefusesAFolderWithoutGroundTruth()
    {
        var run = await CliProcess.RunAsync("eval", "extraction", "--format", "scrapinghub", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no ground-truth.json in", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrapinghubFormat_NamesAPageOfTheGroundTruthThatIsMissing()
    {
        File.WriteAllText(Path.Combine(_folder, "ground-truth.json"), """{"absent": {"articleBody": "text", "url": "https://example.org/"}}""");

        var run = await CliProcess.RunAsync("eval", "extraction", "--format", "scrapinghub", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no page absent.html.gz or absent.html", run.Errors, StringComparison.Ordinal);
    }
}

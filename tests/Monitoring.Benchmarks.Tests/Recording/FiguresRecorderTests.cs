using System.Text;
using Monitoring.Benchmarks;
using Monitoring.Tests;

namespace Monitoring.Benchmarks.Tests.Recording;

public sealed class FiguresRecorderTests : IDisposable
{
    private static readonly RunContext Run = new(new DateTimeOffset(2026, 11, 27, 16, 40, 0, TimeSpan.Zero), "dotnet run -- alerts", 2, "1.43", "1.20");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("figures-recorder-tests-");

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    public void Dispose() => _folder.Delete(recursive: true);

    private static AlertMatchingFigures Alerts(double medianMs) => new(1_000, 1_000, 120, medianMs, medianMs - 50, medianMs + 300, 5, 2_400, 1.5);

    [Fact]
    public void Destination_IsTheRepositorysPerformanceDocument_ByDefault()
    {
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "docs", "performance.md"), FiguresRecorder.Destination(new Options(["--articles", "100000"])));
    }

    [Fact]
    public void Destination_IsNone_ForRecordNo()
    {
        Assert.Null(FiguresRecorder.Destination(new Options(["--record", "no"])));
    }

    [Fact]
    public void Destination_IsTheGivenPath_MadeAbsolute()
    {
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "elsewhere", "figures.md"), FiguresRecorder.Destination(new Options(["--record", "elsewhere/figures.md"])));
    }

    [Fact]
    public void WriteTo_CreatesAMissingFile_WithTheSectionAndTheBlock()
    {
        var path = PathOf("new.md");

        FiguresRecorder.WriteTo(path, Run, [Alerts(1_800)]);

        var text = File.ReadAllText(path);
        Assert.StartsWith("## Latest figures (written by the benchmarks)\n", text, StringComparison.Ordinal);
        Assert.Contains("<!-- figures:6-alerts-1000x1000 -->\n### 6. Alert matching", text, StringComparison.Ordinal);
        Assert.EndsWith("<!-- latest-figures:end -->\n", text, StringComparison.Ordinal);
        Assert.False(File.Exists(path + ".writing"));
    }

    [Fact]
    public void WriteTo_ReplacesTheBlock_KeepingTheByteOrderMarkAndEveryOtherByte()
    {
        var path = PathOf("performance.md");
        const string Before = "# Performance\r\n\r\nIntro ü.\r\n\r\n";
        const string After = "## Hand-written\r\n\r\n| a | b |\r\n";
        var section = "<!-- latest-figures:begin -->\r\n<!-- figures:6-alerts-1000x1000 -->\r\nold\r\n<!-- /figures:6-alerts-1000x1000 -->\r\n\r\n<!-- latest-figures:end -->\r\n\r\n";
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Before + section + After)]);

        FiguresRecorder.WriteTo(path, Run, [Alerts(1_800)]);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(Before + "<!-- latest-figures:begin -->\r\n<!-- figures:6-alerts-1000x1000 -->\r\n### 6.", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n<!-- /figures:6-alerts-1000x1000 -->\r\n\r\n<!-- latest-figures:end -->\r\n\r\n" + After, text, StringComparison.Ordinal);
        Assert.DoesNotContain("old", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_LeavesTheFileAsItWas_WhenItsMarkersAreMalformed()
    {
        var path = PathOf("broken.md");
        var before = Encoding.UTF8.GetBytes("# Performance\n\n<!-- latest-figures:begin -->\n\n## Next\n");
        File.WriteAllBytes(path, before);

        Assert.Throws<InvalidDataException>(() => FiguresRecorder.WriteTo(path, Run, [Alerts(1_800)]));

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Record_WritesEveryBlockOfTheRun_ToTheGivenPath()
    {
        var path = PathOf("trends.md");
        var start = new RunStart(Run.StartedAt, "0.50");
        TrendsFigures Trend(string filter) => new(1_000_000, 2020, filter, 400_000, 9_000, 366, ["US", "JP"], [100, 120, 150], 80, 900);

        var exitCode = FiguresRecorder.Record(new Options(["--record", path]), start, "0.70", Trend("every article"), Trend("text \"oil\""));

        Assert.Equal(0, exitCode);
        var text = File.ReadAllText(path);
        Assert.Contains("<!-- figures:5-trends-1000000-every-article -->", text, StringComparison.Ordinal);
        Assert.Contains("<!-- figures:5-trends-1000000-text-oil -->", text, StringComparison.Ordinal);
        Assert.Contains("- run: 2026-11-27 16:40 UTC, " + Environment.ProcessorCount + " cores, load 0.50 at start and 0.70 at end\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_ReturnsAnError_AndWritesNothing_WhenTheMarkersAreMalformed()
    {
        var path = PathOf("broken.md");
        File.WriteAllText(path, "<!-- latest-figures:end -->\n");

        var exitCode = FiguresRecorder.Record(new Options(["--record", path]), new RunStart(Run.StartedAt, "1"), "1", Alerts(1_800));

        Assert.Equal(1, exitCode);
        Assert.Equal("<!-- latest-figures:end -->\n", File.ReadAllText(path));
    }

    [Fact]
    public void CommandLine_RepeatsTheArguments_QuotingThoseTheShellWouldSplit()
    {
        var command = FiguresRecorder.CommandLine(["search", "--articles", "100000", "--record", "/tmp/a b.md", "it's"]);

        Assert.Matches(@"^dotnet run -c (Debug|Release) --project tests/Monitoring.Benchmarks -- ", command);
        Assert.EndsWith("-- search --articles 100000 --record '/tmp/a b.md' 'it'\\''s'", command, StringComparison.Ordinal);
    }
}

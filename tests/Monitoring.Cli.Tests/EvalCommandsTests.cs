using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary>
/// The evaluation commands behind docs/quality.md, run on the shared corpora: each keeps a floor a little under
/// the figure published there, so a change to the enrichment that loses quality fails here first.
/// </summary>
public sealed partial class EvalCommandsTests
{
    [Fact]
    public async Task EvalCountries_OnReuters_PrintsTheTable_AndReachesTheAimOfMicroF1Point90()
    {
        var reuters = Corpus("reuters21578");

        var run = await CliProcess.RunAsync("eval", "countries", "--reuters", reuters);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"micro-F1 \(about\): 0\.\d\d", run.Output);
        var withUsa = Row(run.Output, "about, with usa");
        Assert.True(withUsa[2] >= 0.90, $"micro-F1 (about, with usa) {withUsa[2]}: docs/quality.md publishes 0.912");
        Assert.True(Row(run.Output, "about, without usa")[2] >= 0.85, "micro-F1 without usa fell under 0.85 (published 0.863)");
        Assert.True(Row(run.Output, "mentioned, with usa")[1] >= 0.95, "fewer than 95 % of the gold countries are mentioned (published 0.964)");
    }

    [Fact]
    public async Task EvalMentions_OnLgl_FindsTheCountryOfNearlyNineInTenFoundToponyms()
    {
        var lgl = Path.Combine(Corpus("geoparsing"), "lgl.xml");

        var run = await CliProcess.RunAsync("eval", "mentions", lgl);

        Assert.Equal(0, run.ExitCode);
        var correct = Share(run.Output, "country correct, of those found");
        Assert.True(correct >= 0.88, $"country correct of those found {correct}: docs/quality.md publishes 0.898");
    }

    [Fact]
    public async Task EvalLanguage_OnTheHeldOutRtsHeadlines_IsRightNearlyAlways()
    {
        var data = Corpus(".");

        var run = await CliProcess.RunAsync("eval", "language", "--data", data);

        Assert.Equal(0, run.ExitCode);
        Assert.True(Row(run.Output, "RTS headlines, Latin, held out")[1] >= 0.96, "held-out Latin headlines (published 0.975)");
        Assert.True(Row(run.Output, "RTS headlines, Cyrillic, held out")[1] >= 0.98, "held-out Cyrillic headlines (published 0.991)");
        Assert.Equal(1.0, Row(run.Output, "readability pages")[1]);
        Assert.Contains("not measured (add --udhr DIR", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval countries: no such folder", "eval", "countries", "--reuters", "{missing}")]
    [InlineData("--rows many: give a positive whole number.", "eval", "countries", "--rows", "many")]
    [InlineData("eval mentions: no such file", "eval", "mentions", "{missing}")]
    [InlineData("eval language: no such folder", "eval", "language", "--data", "{missing}")]
    [InlineData("--udhr : no hrv.html there.", "eval", "language", "--udhr", "{missing}")]
    [InlineData("eval stories: no such folder", "eval", "stories", "--reuters", "{missing}")]
    public async Task AMissingInput_IsRefused_WithExitCodeTwo_SayingWhatIsMissing(string message, params string[] arguments)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"monitoring-missing-{Guid.NewGuid():N}");

        var run = await CliProcess.RunAsync(arguments.Select(argument => argument.Replace("{missing}", missing, StringComparison.Ordinal)).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Errors.Replace(missing, "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotXml_IsRefusedByEvalMentions_NamingIt()
    {
        var run = await CliProcess.RunAsync("eval", "mentions", Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("README.md is not LGL or GeoVirus XML", run.Errors, StringComparison.Ordinal);
    }

    private static string Corpus(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Corpora, name));
        if (!Directory.Exists(path))
        {
            Assert.Skip($"{path} not found (set MONITORING_CORPORA to the shared data folder).");
        }

        return path;
    }

    // The numbers of a Markdown table row, by its first cell.
    private static double[] Row(string output, string label)
    {
        var line = output.Split('\n').SingleOrDefault(line => line.StartsWith($"| {label} |", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No row '{label}' in:\n{output}");
        return line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(cell => double.Parse(Number().Match(cell).Value, CultureInfo.InvariantCulture))
            .ToArray();
    }

    // "| country correct, of those found | 1838 (0.898) |" → 0.898
    private static double Share(string output, string label)
    {
        var line = output.Split('\n').Single(line => line.StartsWith($"| {label} |", StringComparison.Ordinal));
        return double.Parse(ShareInParentheses().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\((\d\.\d+)\)")]
    private static partial Regex ShareInParentheses();
}

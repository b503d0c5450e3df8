using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary>
/// <c>eval case-forms</c> on the UD SETimes development treebanks of ../shared/data/ud-set: the floors sit a little
/// under the figures docs/quality.md publishes, so losing case forms fails here first.
/// </summary>
public sealed class EvalCaseFormsCommandTests
{
    [Fact]
    public async Task OnTheSerbianAndCroatianTreebanks_FindsPlacesInEveryCase_AndBothVersionsAgree()
    {
        var folder = UdSet();

        var run = await CliProcess.RunAsync("eval", "case-forms", Path.Combine(folder, "sr_set-ud-dev.conllu"), Path.Combine(folder, "hr_set-ud-dev.conllu"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(Figure(run.Output, @"case-form F1 sr_set-ud-dev\.conllu: (\d\.\d\d)") >= 0.95, "Serbian case-form F1 fell under 0.95 (published 0.99)");
        Assert.True(Figure(run.Output, @"case-form F1 hr_set-ud-dev\.conllu: (\d\.\d\d)") >= 0.95, "Croatian case-form F1 fell under 0.95 (published 0.98)");
        Assert.True(Figure(run.Output, @"same countries in .*\((\d\.\d+)\)") >= 0.95, "fewer than 95 % of the parallel articles agree (published 20 of 21)");
        Assert.Matches(@"case-form F1: \d\.\d\d\s*$", run.Output);
    }

    [Fact]
    public async Task WritesTheMisses_ToTheErrorsFile()
    {
        var errors = Path.Combine(Path.GetTempPath(), $"case-forms-{Guid.NewGuid():N}.tsv");
        try
        {
            var run = await CliProcess.RunAsync("eval", "case-forms", Path.Combine(UdSet(), "sr_set-ud-dev.conllu"), "--errors", errors);

            Assert.Equal(0, run.ExitCode);
            var lines = File.ReadAllLines(errors);
            Assert.StartsWith("file\tkind\tclass", lines[0], StringComparison.Ordinal);
            Assert.All(lines.Skip(1), line => Assert.Matches(@"^sr_set-ud-dev\.conllu\t(missed|extra)\t", line));
        }
        finally
        {
            File.Delete(errors);
        }
    }

    [Fact]
    public async Task AMissingFile_IsRefused_WithExitCodeTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"monitoring-missing-{Guid.NewGuid():N}.conllu");

        var run = await CliProcess.RunAsync("eval", "case-forms", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("eval case-forms: no such file", run.Errors.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotConllu_IsRefused_WithExitCodeTwo_NamingTheLine()
    {
        var run = await CliProcess.RunAsync("eval", "case-forms", Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("README.md", run.Errors, StringComparison.Ordinal);
        Assert.Contains("not CoNLL-U", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFile_IsRefused_WithExitCodeTwo_SayingWhatToGive()
    {
        var run = await CliProcess.RunAsync("eval", "case-forms");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give one or two CoNLL-U files", run.Errors, StringComparison.Ordinal);
    }

    private static string UdSet()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Corpora, "ud-set"));
        if (!Directory.Exists(path))
        {
            Assert.Skip($"{path} not found (set MONITORING_CORPORA to the shared data folder).");
        }

        return path;
    }

    private static double Figure(string output, string pattern)
    {
        var match = Regex.Match(output, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"'{pattern}' not in the output:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

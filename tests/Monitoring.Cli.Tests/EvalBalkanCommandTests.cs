using System.Globalization;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary>
/// <c>monitoring eval balkan</c>: the scoring, the command on a small set built here, the inputs it refuses, and a
/// floor under the figures docs/quality.md publishes for the real set.
/// </summary>
public sealed class EvalBalkanCommandTests : IDisposable
{
    private const string Header = "id\tlanguage\toutlet\tcountries\tunrest\ttense\ttopics\ttext";

    private const string Topics = "# topics: elections, diplomacy";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-eval-balkan-").FullName;

    [Fact]
    public void Scores_CountEachGoldAndPredictedLabel_AsCountedByHand()
    {
        // Gold: {RS} unrest tense elections; {RS, XK} no unrest; {} unrest. Predicted: {RS} unrest; {RS} unrest tense
        // elections; {HR} nothing. Countries: TP RS, RS; FN XK; FP HR → P 2/3, R 2/3. Unrest: TP 1, FP 1, FN 1.
        // Tense: TP 0, FP 1, FN 1. Elections: TP 0, FP 1, FN 1.
        var results = new[]
        {
            (Item("own:sr:1", ["RS"], unrest: true, tense: true, ["elections"]), Tags(["RS"], protestTopic: true)),
            (Item("own:sr:2", ["RS", "XK"], unrest: false, tense: false, []), Tags(["RS"], unrestCategory: true, tense: true, topic: "elections")),
            (Item("own:sr:3", [], unrest: true, tense: false, []), Tags(["HR"])),
        };

        var scores = EvalBalkanCommand.Score(results, ["elections", "diplomacy"]);

        Assert.Equal(3, scores.Items);
        Assert.Equal((2, 1, 1), (scores.Countries.Micro.TruePositives, scores.Countries.Micro.FalsePositives, scores.Countries.Micro.FalseNegatives));
        Assert.Equal(2.0 / 3, scores.Countries.Micro.Precision, 6);
        Assert.Equal((1, 1, 1), (scores.Unrest.TruePositives, scores.Unrest.FalsePositives, scores.Unrest.FalseNegatives));
        Assert.Equal((0, 1, 1), (scores.Tense.TruePositives, scores.Tense.FalsePositives, scores.Tense.FalseNegatives));
        Assert.Equal((0, 1, 1), (scores.Topic("elections").TruePositives, scores.Topic("elections").FalsePositives, scores.Topic("elections").FalseNegatives));
        Assert.Equal(0, scores.Topic("diplomacy").Support);
    }

    [Fact]
    public async Task ASmallSet_IsScoredWithTheRealEnricher_AndTheMissesAreListed()
    {
        // Four Serbian headlines whose tags are plain: a protest in Serbia; Serbia's budget (labelled here with an
        // extra country and unrest the text does not have, to make misses); Croatia and Slovenia (labelled Croatia
        // only); a text with no country. Countries: gold RS | RS HR | HR | -, predicted RS | RS | HR SI | - →
        // TP 3, FN 1, FP 1: P = R = F1 = 0.750. Unrest: gold yes, yes, no, no; predicted yes, no, no, no → P 1, R 0.5.
        var set = Write(
            Topics,
            Header,
            "own:sr:1\tsr-Latn\tTest\tRS\tyes\tno\t-\tVeliki protest u Srbiji: studenti blokirali raskrsnicu",
            "own:sr:2\tsr-Latn\tTest\tRS,HR\tyes\tno\t-\tVlada Srbije usvojila budžet za narednu godinu",
            "own:sr:3\tsr-Latn\tTest\tHR\tno\tno\t-\tHrvatska i Slovenija potpisale sporazum o granici",
            "own:sr:4\tsr-Latn\tTest\t-\tno\tno\t-\tMinistarstvo je objavilo novi pravilnik o udžbenicima");
        var errors = Path.Combine(_folder, "errors.tsv");

        var run = await CliProcess.RunAsync("eval", "balkan", "--set", set, "--errors", errors);

        Assert.Equal(0, run.ExitCode);
        var all = Row(run.Output, "| all | all |");
        Assert.Equal(4, all[0]);
        Assert.Equal([4, 0.750, 0.750, 0.750], all[1..5]);
        Assert.Equal([2, 1.000, 0.500], all[5..8]);
        Assert.Equal(all, Row(run.Output, "| all | sr-Latn |"));
        Assert.DoesNotContain("| all | hr |", run.Output, StringComparison.Ordinal);

        var misses = File.ReadAllLines(errors);
        Assert.Contains(misses, line => line.StartsWith("own:sr:2\t", StringComparison.Ordinal) && line.Contains("countries gold=HR,RS about=RS", StringComparison.Ordinal) && line.Contains("unrest FN", StringComparison.Ordinal));
        Assert.Contains(misses, line => line.StartsWith("own:sr:3\t", StringComparison.Ordinal) && line.Contains("about=HR,SI", StringComparison.Ordinal));
        Assert.DoesNotContain(misses, line => line.StartsWith("own:sr:4\t", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("language 'sr': give one of sr-Cyrl, sr-Latn, hr, sq, mk.", "own:sr:1\tsr\tTest\tRS\tyes\tno\t-\tProtest u Beogradu")]
    [InlineData("unrest 'maybe': give yes or no.", "own:sr:1\tsr-Latn\tTest\tRS\tmaybe\tno\t-\tProtest u Beogradu")]
    [InlineData("country 'Serbia': give ISO 3166 alpha-2 codes", "own:sr:1\tsr-Latn\tTest\tSerbia\tyes\tno\t-\tProtest u Beogradu")]
    [InlineData("topic 'protests' is not one of the labelled topics", "own:sr:1\tsr-Latn\tTest\tRS\tyes\tno\tprotests\tProtest u Beogradu")]
    [InlineData("7 columns, expected 8", "own:sr:1\tsr-Latn\tTest\tRS\tyes\tno\t-")]
    [InlineData("own:sr:1 is our own item and needs its text.", "own:sr:1\tsr-Latn\tTest\tRS\tyes\tno\t-\t")]
    [InlineData("rts:5868078 comes from the corpora: leave its text empty", "rts:5868078\tsr-Latn\tRTS\tRS\tno\tno\t-\tA copied headline")]
    [InlineData("id 'item-1': start it with rts:, ud: or own:.", "item-1\tsr-Latn\tTest\tRS\tyes\tno\t-\tProtest u Beogradu")]
    public async Task AMalformedLine_IsRefused_WithExitCodeTwo_NamingTheLineAndTheFix(string message, string line)
    {
        var set = Write(Topics, Header, line);

        var run = await CliProcess.RunAsync("eval", "balkan", "--set", set);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{set}:3: {message}", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASetWithoutItsTopicLine_OrWithAnUnknownTopic_IsRefused()
    {
        var withoutTopics = Write(Header, "own:sr:1\tsr-Latn\tTest\tRS\tyes\tno\t-\tProtest u Beogradu");
        var unknownTopic = Write("# topics: elections, weather", Header, "own:sr:1\tsr-Latn\tTest\tRS\tyes\tno\t-\tProtest u Beogradu");

        var without = await CliProcess.RunAsync("eval", "balkan", "--set", withoutTopics);
        var unknown = await CliProcess.RunAsync("eval", "balkan", "--set", unknownTopic);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("no '# topics: …' line", without.Errors, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("topic 'weather' is not in the taxonomy", unknown.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutletLineWithoutACountryCode_IsRefused_NamingTheEntry()
    {
        var set = Write(Topics, "# outlets: RTS=RS; Koha=Kosovo", Header, "own:sq:1\tsq\tKoha\tXK\tyes\tno\t-\tQytetarët protestuan para Qeverisë.");

        var run = await CliProcess.RunAsync("eval", "balkan", "--set", set);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{set}:2: outlet 'Koha=Kosovo': write Name=CC with an ISO alpha-2 code.", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSet_OrAnItemTheCorporaDoNotHold_IsRefused_WithExitCodeTwo()
    {
        var missing = Path.Combine(_folder, "missing.tsv");
        var emptyCorpora = Directory.CreateDirectory(Path.Combine(_folder, "corpora")).FullName;
        var set = Write(Topics, Header, "rts:5868078\tsr-Latn\tRTS\tRS\tno\tno\t-\t");

        var noSet = await CliProcess.RunAsync("eval", "balkan", "--set", missing);
        var noCorpus = await CliProcess.RunAsync("eval", "balkan", "--set", set, "--corpora", emptyCorpora);

        Assert.Equal(2, noSet.ExitCode);
        Assert.StartsWith($"eval balkan: no such file {missing}", noSet.Errors, StringComparison.Ordinal);
        Assert.Equal(2, noCorpus.ExitCode);
        Assert.Contains("no such file", noCorpus.Errors, StringComparison.Ordinal);
        Assert.Contains("rts_latin.csv (give --corpora", noCorpus.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRealSet_StaysAtOrAboveTheFiguresDocsQualityPublishes()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.Corpora, "balkans", "rts.csv")))
        {
            Assert.Skip($"The RTS headlines are not in {RepositoryPaths.Corpora} (set MONITORING_CORPORA).");
        }

        var run = await CliProcess.RunAsync("eval", "balkan", "--corpora", RepositoryPaths.Corpora);

        Assert.Equal(0, run.ExitCode);
        var all = Row(run.Output, "| all | all |");
        Assert.True(all[0] >= 620, $"{all[0]} items: the set shrank");
        Assert.True(all[4] >= 0.90, $"countries-about F1 {all[4]} (docs/quality.md publishes 0.933)");
        Assert.True(all[6] >= 0.90, $"unrest precision {all[6]} (published 0.944; the issue asks for 0.90)");
        Assert.True(all[7] >= 0.85, $"unrest recall {all[7]} (published 0.934; the issue asks for 0.85)");
        Assert.True(all[11] >= 0.68, $"tense recall {all[11]} (published 0.781)");
        // The targets hold in every language of the set (published 0.924–0.954, unrest P ≥ 0.913, R ≥ 0.909).
        foreach (var language in new[] { "sr-Cyrl", "sr-Latn", "hr", "sq", "mk" })
        {
            var row = Row(run.Output, $"| all | {language} |");
            Assert.True(row[4] >= 0.90, $"{language}: countries-about F1 {row[4]}");
            Assert.True(row[6] >= 0.90, $"{language}: unrest precision {row[6]}");
            Assert.True(row[7] >= 0.85, $"{language}: unrest recall {row[7]}");
        }
        Assert.Contains("| rts | sr-Cyrl |", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, $"set-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static BalkanDevItem Item(string id, string[] countries, bool unrest, bool tense, string[] topics) =>
        new(id, "sr-Latn", "Test", countries.ToHashSet(), unrest, tense, topics.ToHashSet(), "text");

    private static ArticleTags Tags(string[] about, bool protestTopic = false, bool unrestCategory = false, bool tense = false, string? topic = null) => new()
    {
        Countries = about.Select(code => new CountryTag(code, code, 1, [code]) { IsAbout = true }).Append(new CountryTag("DE", "Germany", 1, ["Berlin"])).ToList(),
        Topics = new[] { protestTopic ? EvalBalkanCommand.ProtestTopic : null, topic }.OfType<string>().Select(id => new TopicTag(id, id, 2, [id])).ToList(),
        Tension = new TensionScore(tense ? 40 : 10, [])
        {
            IsTense = tense,
            Categories = unrestCategory ? [new TensionCategoryHit(EvalBalkanCommand.UnrestCategory, "Protests and unrest", TensionKind.Act, 2, 1)] : [],
        },
    };

    // The numbers of the Markdown row that starts with the given cells.
    private static double[] Row(string output, string start)
    {
        var line = output.Split('\n').SingleOrDefault(line => line.StartsWith(start, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No row '{start}' in:\n{output}");
        return line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(2)
            .Select(cell => double.Parse(cell, CultureInfo.InvariantCulture))
            .ToArray();
    }
}

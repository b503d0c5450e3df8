using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval mentions FILE.xml</c>: mention-level country resolution against a geoparsing corpus, LGL or GeoVirus
/// (<see cref="MentionCorpus"/>; another layout is refused with exit code 2). A gold toponym counts as found when
/// one of our country mentions overlaps its span, and as correct when that mention's country is the gold one
/// (<see cref="MentionTally"/>). Gold with offsets outside the text is skipped and counted; gold country names are
/// matched through the gazetteer's names in every language, and those it does not know are listed.
/// </summary>
internal static class EvalMentionsCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var positional = CliOptions.Positional(args);
        var file = CliOptions.ExistingFile(positional.Count > 0 ? positional[0] : Path.Combine("..", "shared", "data", "geoparsing", "lgl.xml"), "eval mentions");
        var gazetteer = CliOptions.Value(args, "--gazetteer") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "..", "gazetteer");
        var errorsFile = CliOptions.Value(args, "--errors");

        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (XmlException problem)
        {
            throw new CommandLineException($"eval mentions: {file} is not XML ({problem.Message}); expected {MentionCorpus.ExpectedLayouts}.");
        }

        if (MentionCorpus.DetectLayout(document) is null)
        {
            throw new CommandLineException($"eval mentions: {file} is in a layout this command does not know; expected {MentionCorpus.ExpectedLayouts}.");
        }

        var model = EnrichmentModel.LoadFrom(CliOptions.Value(args, "--seeds") ?? "seeds");
        var enricher = new ArticleEnricher(model);
        var corpus = MentionCorpus.Read(document, model.CountryCodeOf, () => ReverseGeocoder.Load(gazetteer));
        var tally = new MentionTally(HistoricSuccessors.Comparable);
        var watch = new Stopwatch();
        foreach (var gold in corpus.Articles)
        {
            var article = new Article
            {
                Id = ArticleId.ForContent("geoparsing", "", gold.Text),
                Title = "",
                Paragraphs = [gold.Text],
                Source = Path.GetFileNameWithoutExtension(file),
                Language = "en",
                IngestedAt = DateTimeOffset.UnixEpoch,
            };
            watch.Start();
            var countries = enricher.Enrich(article).Tags.Countries;
            watch.Stop();
            tally.Add(gold, countries);
        }

        Print(file, corpus, tally, watch.Elapsed);
        if (errorsFile is not null)
        {
            File.WriteAllLines(errorsFile, [MentionTally.ErrorHeader, .. tally.Errors]);
            Console.WriteLine($"Wrote {tally.Errors.Count} errors to {errorsFile}.");
        }

        return 0;
    }

    private static void Print(string file, MentionCorpus corpus, MentionTally tally, TimeSpan elapsed)
    {
        var articles = corpus.Articles.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)}: {articles} articles, {tally.Gold} toponyms with a country ({articles / Math.Max(elapsed.TotalSeconds, 0.001):0} articles/s)."));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| toponyms found (a country mention overlaps) | {tally.Found} ({MentionTally.Format(tally.FoundShare)}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| country correct, of those found | {tally.Correct} ({MentionTally.Format(tally.Precision)}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| country correct, of all toponyms | {MentionTally.Format(tally.Accuracy)} |"));
        if (tally.UnknownCountry > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| gold country name the gazetteer does not know | {tally.UnknownCountry} |"));
        }

        if (corpus.SeveralCountries > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| left out: continents, seas, regions of several countries | {corpus.SeveralCountries} |"));
        }

        if (corpus.BadOffsets > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| skipped: offsets missing, negative or outside the text | {corpus.BadOffsets} |"));
        }

        if (corpus.BadCoordinates > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| skipped: coordinate missing or not a number | {corpus.BadCoordinates} |"));
        }

        Console.WriteLine();
        if (corpus.UnmatchedCountryNames.Count > 0)
        {
            Console.WriteLine($"Gold country names not matched: {string.Join("; ", corpus.UnmatchedCountryNames.Select(pair => $"{pair.Key} ×{pair.Value}"))}");
        }

        Console.WriteLine($"Most frequent wrong countries: {string.Join("; ", tally.WrongCountries.Take(12).Select(pair => $"{pair.Key} ×{pair.Value}"))}");
    }
}

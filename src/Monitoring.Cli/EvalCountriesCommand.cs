using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval countries --reuters DIR</c>: the "about" countries against Reuters-21578 <c>places</c> (what a story
/// is about), on the stories that have places; P/R/F1 per country, micro and macro, with and without usa.
/// </summary>
internal static class EvalCountriesCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var folder = CliOptions.ReutersFolder(CliOptions.Value(args, "--reuters") ?? Path.Combine("..", "shared", "data", "reuters21578"), "eval countries");
        var seeds = CliOptions.Value(args, "--seeds") ?? "seeds";
        var rows = CliOptions.PositiveNumber(args, "--rows", 25);
        var errors = CliOptions.Value(args, "--errors");
        var mapping = ReadPlaceMapping(CliOptions.ExistingFile(Path.Combine(folder, "reuters_places_to_iso3166.csv"), "eval countries"));
        var model = EnrichmentModel.LoadFrom(seeds);
        var enricher = new ArticleEnricher(model);

        var stories = ReutersSgmlReader.ReadFolder(folder).Where(story => story.Places.Count > 0).ToList();
        var articles = stories.Select(story => story.ToArticle(DateTimeOffset.UnixEpoch)).ToList();
        var watch = Stopwatch.StartNew();
        var enriched = articles.Select(enricher.Enrich).ToList();
        watch.Stop();

        var about = new LabelScores();
        var aboutWithoutUsa = new LabelScores();
        var mentioned = new LabelScores();
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        using var errorWriter = errors is null ? null : new StreamWriter(errors);
        for (var i = 0; i < stories.Count; i++)
        {
            var gold = stories[i].Places
                .Select(place => mapping.TryGetValue(place, out var code) ? Comparable(code) : Unmapped(unmapped, place))
                .ToHashSet(StringComparer.Ordinal);
            var countries = enriched[i].Tags.Countries;
            var predicted = countries.Where(country => country.IsAbout).Select(country => Comparable(country.Code)).ToHashSet(StringComparer.Ordinal);
            about.Add(gold, predicted);
            aboutWithoutUsa.Add(gold.Where(code => code != "US"), predicted.Where(code => code != "US"));
            mentioned.Add(gold, countries.Select(country => Comparable(country.Code)));
            if (errorWriter is not null && !gold.SetEquals(predicted))
            {
                errorWriter.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{stories[i].NewId}\tgold={string.Join(',', gold.Order(StringComparer.Ordinal))}\tabout={string.Join(',', predicted.Order(StringComparer.Ordinal))}\tmentioned={string.Join(' ', countries.Select(country => $"{country.Code}:{country.AboutWeight}[{string.Join('|', country.Evidence)}]"))}\t{stories[i].Title.ReplaceLineEndings(" ").Replace('\t', ' ')}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Reuters-21578: {stories.Count} stories with places, enriched in {watch.Elapsed.TotalSeconds:0.0} s ({stories.Count / watch.Elapsed.TotalSeconds:0} articles/s, one thread)."));
        if (unmapped.Count > 0)
        {
            Console.WriteLine($"Places without an ISO code (never matched): {string.Join(", ", unmapped)}");
        }

        Console.WriteLine();
        Console.WriteLine("| country | support | P | R | F1 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var label in about.Labels.Take(rows))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label.Label} | {label.Support} | {label.Precision:0.000} | {label.Recall:0.000} | {label.F1:0.000} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| level | micro P | micro R | micro F1 | macro P | macro R | macro F1 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Summary("about, with usa", about);
        Summary("about, without usa", aboutWithoutUsa);
        Summary("mentioned, with usa", mentioned);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"micro-F1 (about): {about.Micro.F1:0.00}"));
        return 0;
    }

    private static void Summary(string name, LabelScores scores)
    {
        var micro = scores.Micro;
        var macro = scores.Macro;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {micro.Precision:0.000} | {micro.Recall:0.000} | {micro.F1:0.000} | {macro.Precision:0.000} | {macro.Recall:0.000} | {macro.F1:0.000} |"));
    }

    private static string Comparable(string code) => HistoricSuccessors.Comparable(code);

    private static string Unmapped(SortedSet<string> unmapped, string place)
    {
        unmapped.Add(place);
        return "?" + place;
    }

    private static Dictionary<string, string> ReadPlaceMapping(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields.Length >= 2 && fields[1].Length > 0)
            .ToDictionary(fields => fields[0], fields => fields[1], StringComparer.Ordinal);
}

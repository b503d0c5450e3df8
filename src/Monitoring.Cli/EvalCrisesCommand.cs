using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval crises [--corpus FILE.jsonl] [--rts FILE.csv] [--seeds DIR] [--list FILE.tsv]</c>: does the tension
/// index follow the known crises of <c>seeds/enrichment/crises.tsv</c>? Enriches the English demo corpus (and, with
/// --rts, the RTS headlines, scored in Serbian) and prints, per crisis, the country's index in the crisis's month or
/// quarter (<see cref="CrisisCheck"/>), then one line per corpus: <c>crisis hit rate (NAME): hits/reported …</c>, over
/// the crises the corpus reports (read by hand, columns demo and rts of the list) and over all in its span.
/// </summary>
internal static class EvalCrisesCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var seeds = CliOptions.Value(args, "--seeds") ?? "seeds";
        var corpus = CliOptions.ExistingFile(CliOptions.Value(args, "--corpus") ?? Path.Combine(seeds, "corpus", "wikipedia-current-events-balkans.jsonl"), "eval crises");
        var list = CliOptions.ExistingFile(CliOptions.Value(args, "--list") ?? Path.Combine(seeds, "enrichment", CrisisList.FileName), "eval crises");
        var rts = CliOptions.Value(args, "--rts") is { } given ? CliOptions.ExistingFile(given, "eval crises") : null;
        var crises = CrisisList.Read(list);
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(seeds));

        Report("English demo corpus", Samples(enricher, JsonlCorpusReader.Read(corpus, DateTimeOffset.UnixEpoch)), crises, crisis => crisis.DemoItem is not null);
        if (rts is not null)
        {
            var headlines = HeadlineCsvReader.Read(rts, "RTS", "sr", DateTimeOffset.UnixEpoch);
            Report("RTS, Serbian", Samples(enricher, headlines), crises, crisis => crisis.RtsArticle is not null);
        }

        return 0;
    }

    private static List<TensionSample> Samples(ArticleEnricher enricher, IEnumerable<Article> articles) =>
        articles
            .Where(article => article.Published is not null)
            .Select(article => (Article: article, Tags: enricher.Enrich(article).Tags))
            .Select(item => new TensionSample(
                DateOnly.FromDateTime(item.Article.Published!.Value.UtcDateTime),
                item.Tags.Countries.Select(country => country.Code).ToList(),
                item.Tags.Tension.IsTense))
            .ToList();

    private static void Report(string name, List<TensionSample> samples, IReadOnlyList<Crisis> crises, Func<Crisis, bool> isReported)
    {
        var from = samples.Min(sample => sample.Published);
        var to = samples.Max(sample => sample.Published);
        var results = CrisisCheck.Run(samples, crises, isReported, from, to);
        Console.WriteLine($"{name}: {samples.Count} dated articles, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        Console.WriteLine("result\tdate\tcountry\tperiod\ttense/articles\tindex\tevent");
        foreach (var result in results)
        {
            var verdict = (result.IsHit ? "hit" : "MISS") + (result.IsReported ? string.Empty : " (not reported)");
            var index = result.Index is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"{verdict}\t{result.Crisis.Date:yyyy-MM-dd}\t{result.Crisis.Country}\t{result.Period}\t{result.TenseCount}/{result.Count}\t{index}\t{result.Crisis.Event}");
        }

        var hits = results.Count(result => result.IsHit);
        var reported = results.Where(result => result.IsReported).ToList();
        var reportedHits = reported.Count(result => result.IsHit);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crisis hit rate ({name}): {reportedHits}/{reported.Count} = {(double)reportedHits / Math.Max(1, reported.Count):0.00} of the crises the corpus reports; {hits}/{results.Count} = {(double)hits / Math.Max(1, results.Count):0.00} of all listed in its span"));
        Console.WriteLine();
    }
}

using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval series FILE.csv [--country RS] [--source RTS] [--source-country RS] [--events FILE.tsv] [--out FILE.svg]
/// [--csv FILE.csv]</c>: enriches every headline of a CSV (<see cref="HeadlineCsvReader"/>) as the app enriches a feed
/// item of that source (the outlet's country as prior) and prints, per week, the country's tension index and the
/// share of protest headlines (<see cref="WeeklyTensionSeries"/>); with --out it draws both as an SVG chart with the
/// events of --events marked, with --csv it writes the weekly figures.
/// </summary>
internal static class EvalSeriesCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var positional = CliOptions.Positional(args);
        if (positional.Count != 1)
        {
            throw new CommandLineException("eval series: name one CSV of headlines (headline,url,datePublished), e.g. ../shared/data/balkans/rts.csv.");
        }

        var file = CliOptions.ExistingFile(positional[0], "eval series");
        var country = Code(CliOptions.Value(args, "--country") ?? "RS", "--country");
        var source = CliOptions.Value(args, "--source") ?? Path.GetFileNameWithoutExtension(file).ToUpperInvariant();
        var sourceCountry = Code(CliOptions.Value(args, "--source-country") ?? country, "--source-country");
        var events = CliOptions.Value(args, "--events") is { } eventsFile ? ReadEvents(CliOptions.ExistingFile(eventsFile, "eval series --events")) : [];
        var svg = CliOptions.Value(args, "--out");
        if (svg is not null && !svg.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandLineException($"eval series: --out {svg}: the chart is written as SVG (name a .svg file; docs/rts-series.md converts it to PNG).");
        }

        List<DatedHeadline> headlines;
        int unreadable;
        try
        {
            (headlines, unreadable) = HeadlineCsvReader.ReadHeadlines(file);
        }
        catch (InvalidDataException ex)
        {
            throw new CommandLineException($"eval series: {ex.Message}");
        }

        if (headlines.Count == 0)
        {
            throw new CommandLineException($"eval series: {file} holds no headline with a date that can be read ({unreadable} rows without one).");
        }

        var model = EnrichmentModel.LoadFrom(CliOptions.Value(args, "--seeds") ?? "seeds");
        var enricher = new ArticleEnricher(model, CliOptions.Enrichment(args));
        var tagged = enricher.EnrichEach([.. headlines.Select(headline => ToArticle(headline, source, sourceCountry))])
            .Select((result, i) => (headlines[i].Date, Tags: result.Article?.Tags ?? throw new InvalidOperationException($"'{headlines[i].Headline}' could not be enriched.", result.Failure)))
            .ToList();
        var weeks = WeeklyTensionSeries.Compute(tagged, country);

        PrintSummary(file, country, headlines.Count, unreadable, tagged, weeks, events);
        if (CliOptions.Value(args, "--csv") is { } csv)
        {
            WriteCsv(csv, weeks);
            Console.WriteLine($"Wrote {weeks.Count} weeks to {csv}.");
        }

        if (svg is not null)
        {
            var caption = string.Create(CultureInfo.InvariantCulture,
                $"{headlines.Count:N0} {source} headlines, {headlines.Min(h => h.Date):d MMM yyyy} – {headlines.Max(h => h.Date):d MMM yyyy}, enriched with the outlet's country ({sourceCountry}) as prior. Index: share of tense {model.CountryName(country)}-tagged headlines, 100 = its average week. Protest share: headlines with the protests topic or the protests-unrest tension category.");
            File.WriteAllText(svg, SeriesChart.Svg($"{source} headlines per week: {model.CountryName(country)} tension index and protest share", caption, weeks, events));
            Console.WriteLine($"Wrote the chart to {svg}.");
        }

        return 0;
    }

    private static Article ToArticle(DatedHeadline headline, string source, string sourceCountry) =>
        HeadlineCsvReader.ToArticle(headline, source, ArticleSidecar.DefaultLanguage, DateTimeOffset.UnixEpoch) with { SourceCountry = sourceCountry };

    private static void PrintSummary(
        string file,
        string country,
        int headlines,
        int unreadable,
        List<(DateOnly Date, ArticleTags Tags)> tagged,
        IReadOnlyList<TensionSeriesWeek> weeks,
        List<SeriesEvent> events)
    {
        var ofCountry = tagged.Where(item => item.Tags.Countries.Any(tag => tag.Code == country)).ToList();
        var inferred = ofCountry.Count(item => item.Tags.Countries.Any(tag => tag.Code == country && tag.IsInferred));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)}: {headlines} headlines in {weeks.Count} weeks ({unreadable} rows without a headline or a readable date left out)."));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| tagged {country} | {ofCountry.Count} ({(double)ofCountry.Count / headlines:0.000}), {inferred} of them inferred from the outlet |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| tense, of those | {ofCountry.Count(item => item.Tags.Tension.IsTense)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| protest headlines (topic protests or category protests-unrest) | {tagged.Count(item => WeeklyTensionSeries.IsProtest(item.Tags))} |"));
        var indexes = weeks.Where(week => week.TensionIndex is not null).Select(week => week.TensionIndex!.Value).Order().ToList();
        var shares = weeks.Where(week => week.ProtestShare is not null).Select(week => week.ProtestShare!.Value).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| weekly index: median, 90th percentile | {Percentile(indexes, 0.5):0}, {Percentile(indexes, 0.9):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| weekly protest share: median, 90th percentile | {Percentile(shares, 0.5):0.000}, {Percentile(shares, 0.9):0.000} |"));
        if (events.Count == 0)
        {
            return;
        }

        // Each event against its own week and the week before: does the curve rise when it happened?
        Console.WriteLine();
        Console.WriteLine("| event | week | headlines | index (week before) | index percentile among the weeks | protest share (week before) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var happened in events)
        {
            var at = weeks.ToList().FindIndex(week => week.Start <= happened.Date && happened.Date < week.Start.AddDays(7));
            if (at < 0)
            {
                Console.WriteLine($"| {happened.Label} ({happened.Date:yyyy-MM-dd}) | outside the series | | | | |");
                continue;
            }

            var week = weeks[at];
            var before = at > 0 ? weeks[at - 1] : null;
            var rank = week.TensionIndex is { } value ? 100.0 * indexes.Count(other => other < value) / indexes.Count : (double?)null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {happened.Label} ({happened.Date:yyyy-MM-dd}) | {week.Start:yyyy-MM-dd} | {week.Articles} | {week.TensionIndex:0} ({before?.TensionIndex:0}) | {rank:0} | {week.ProtestShare:0.000} ({before?.ProtestShare:0.000}) |"));
        }
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];

    private static void WriteCsv(string path, IReadOnlyList<TensionSeriesWeek> weeks)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("week,headlines,country_headlines,tense_country_headlines,tension_index,protest_headlines,protest_share");
        foreach (var week in weeks)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{week.Start:yyyy-MM-dd},{week.Articles},{week.CountryArticles},{week.TenseCountryArticles},{week.TensionIndex:0.0},{week.ProtestArticles},{week.ProtestShare:0.0000}"));
        }
    }

    /// <summary>One event per line: <c>yyyy-MM-dd</c>, a tab, its label; '#' starts a comment.</summary>
    private static List<SeriesEvent> ReadEvents(string path)
    {
        var events = new List<SeriesEvent>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t', 2);
            if (fields.Length < 2 || fields[1].Trim().Length == 0
                || !DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CommandLineException($"eval series --events: {path}, line {number}: expected yyyy-MM-dd, a tab and a label.");
            }

            events.Add(new SeriesEvent(date, fields[1].Trim()));
        }

        return events;
    }

    private static string Code(string value, string option) =>
        value.Trim().Length == 2 && value.Trim().All(char.IsAsciiLetter)
            ? value.Trim().ToUpperInvariant()
            : throw new CommandLineException($"eval series: {option} {value}: give an ISO 3166 alpha-2 code such as RS.");
}

/// <summary>A dated event marked on the chart.</summary>
internal sealed record SeriesEvent(DateOnly Date, string Label);

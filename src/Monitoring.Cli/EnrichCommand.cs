using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Cli;

/// <summary>Prints the tags of one text file, or a summary of the whole seeds folder, to check the model by eye.</summary>
internal static class EnrichCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var seeds = CliOptions.Value(args, "--seeds") ?? "seeds";
        var model = EnrichmentModel.LoadFrom(seeds);
        var enricher = new ArticleEnricher(model);
        var file = args.FirstOrDefault(arg => arg.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"No such file: {file}");
                return 1;
            }

            Print(enricher.Enrich(TextArticleReader.Read(file, DateTimeOffset.UtcNow)));
            return 0;
        }

        var articles = SeedFolder.ReadArticles(seeds, DateTimeOffset.UtcNow).ToList();
        var watch = Stopwatch.StartNew();
        var enriched = articles.AsParallel().AsOrdered().Select(enricher.Enrich).ToList();
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{enriched.Count} articles enriched in {watch.ElapsedMilliseconds} ms."));
        Summarise("countries", enriched.SelectMany(article => article.Tags.Countries.Select(tag => tag.Code)));
        Summarise("topics", enriched.SelectMany(article => article.Tags.Topics.Select(tag => tag.Id)));
        Summarise("people", enriched.SelectMany(article => article.Tags.People.Select(tag => tag.Name)));
        return 0;
    }

    private static void Print(EnrichedArticle article)
    {
        var tags = article.Tags;
        Console.WriteLine(article.Article.Title);
        foreach (var country in tags.Countries)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  country {country.Code} {country.Name} ×{country.Mentions}{(country.IsInferred ? " (about, inferred)" : country.IsAbout ? " (about)" : "")} weight {country.AboutWeight}: {string.Join(", ", country.Evidence)}"));
        }

        foreach (var topic in tags.Topics)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  topic {topic.Id} {topic.Score}: {string.Join(", ", topic.Evidence)}"));
        }

        foreach (var person in tags.People)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  person {person.Name} ×{person.Mentions} {person.CountryCode}"));
        }

        foreach (var organisation in tags.Organisations)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  organisation {organisation.Name} ×{organisation.Mentions}: {string.Join(", ", organisation.Evidence)}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  language {tags.DetectedLanguage.Language}-{tags.DetectedLanguage.Script} ({tags.DetectedLanguage.Confidence})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  tension {tags.Tension.Value}{(tags.Tension.IsTense ? " (tense)" : "")}: {string.Join(", ", tags.Tension.Evidence.Select(item => $"{item.Term}×{item.Count}"))}"));
        foreach (var category in tags.Tension.Categories)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {category.Kind.ToString().ToLowerInvariant()} {category.Id}: weight {category.Weight}, {category.Count} hits: {string.Join(", ", tags.Tension.Evidence.Where(item => item.Category == category.Id).Select(item => $"{item.Term}×{item.Count}"))}"));
        }

        if (tags.Tension.Negated.Count > 0)
        {
            Console.WriteLine($"    not counted (negated): {string.Join(", ", tags.Tension.Negated.Select(item => $"{item.Term}×{item.Count}"))}");
        }
    }

    private static void Summarise(string what, IEnumerable<string> values)
    {
        var top = values.GroupBy(value => value, StringComparer.Ordinal).OrderByDescending(group => group.Count()).Take(40);
        Console.WriteLine($"{what}: {string.Join(", ", top.Select(group => string.Create(CultureInfo.InvariantCulture, $"{group.Key} {group.Count()}")))}");
    }

}

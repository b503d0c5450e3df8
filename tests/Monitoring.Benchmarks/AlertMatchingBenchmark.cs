using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene.Percolation;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// Issue 7's figure: N saved alerts against M new articles in one percolation pass. The articles are the
/// demo corpus (seeds/corpus) enriched by the real enricher, repeated with new ids when more are asked
/// for; the alerts are generated from that corpus's own words, countries, topics and people in the mix an
/// editor's saved searches have (words, phrases, boolean, prefix, filters), with a fixed seed.
/// </summary>
internal static partial class AlertMatchingBenchmark
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(Options options)
    {
        var args = options.Positional;
        var alertCount = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var articleCount = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var start = RunStart.Now();

        var model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);
        var enricher = new ArticleEnricher(model);
        var corpus = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(enricher.Enrich).ToList();
        var articles = Enumerable.Range(0, articleCount)
            .Select(i => i < corpus.Count ? corpus[i] : Copy(corpus[i % corpus.Count], i))
            .ToList();
        var queries = GenerateQueries(corpus, alertCount);

        using var percolator = new LuceneAlertPercolator();
        var register = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            await percolator.RegisterAsync(i.ToString(CultureInfo.InvariantCulture), queries[i]);
        }

        register.Stop();

        var matches = (await percolator.PercolateAsync(articles)).Count;
        var batch = Measure(() => percolator.PercolateAsync(articles).GetAwaiter().GetResult());
        var single = Measure(() =>
        {
            foreach (var article in articles.Take(20))
            {
                percolator.PercolateAsync([article]).GetAwaiter().GetResult();
            }
        }).Select(total => total / 20).ToList();

        var loadAtEnd = Machine.LoadAverage();
        Console.WriteLine($"Embedded percolator, {alertCount:N0} alerts × {articleCount:N0} articles ({Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load {start.LoadAtStart} at start, {loadAtEnd} at end)");
        Console.WriteLine($"  query mix: {string.Join(", ", queries.GroupBy(Kind).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} {group.Count()}"))}");
        Console.WriteLine($"  registering all alerts:          {register.Elapsed.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  one pass over the batch:         median {Median(batch):N0} ms (min {batch.Min():N0}, max {batch.Max():N0}; {Rounds} rounds after a warm-up)");
        Console.WriteLine($"  matches found:                   {matches:N0} ({(double)matches / articleCount:N1} per article)");
        Console.WriteLine($"  one article at a time (instant): median {Median(single):N1} ms per article");
        return FiguresRecorder.Record(options, start, loadAtEnd, new AlertMatchingFigures(
            alertCount, articleCount, register.Elapsed.TotalMilliseconds, Median(batch), batch.Min(), batch.Max(), Rounds, matches, Median(single)));
    }

    private static List<double> Measure(Action run)
    {
        var times = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static EnrichedArticle Copy(EnrichedArticle article, int number) => article with
    {
        Article = article.Article with { Id = ArticleId.ForContent(article.Article.Source, article.Article.Title, article.Article.Body + " #" + number.ToString(CultureInfo.InvariantCulture)) },
    };

    private static List<ArticleQuery> GenerateQueries(IReadOnlyList<EnrichedArticle> corpus, int count)
    {
        var random = new Random(20261127);
        var titles = corpus.Select(article => Words().Matches(article.Article.Title).Select(match => match.Value).ToArray()).Where(words => words.Length >= 2).ToList();
        var vocabulary = titles.SelectMany(words => words).Where(word => word.Length >= 5).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var countries = corpus.SelectMany(article => article.Tags.Countries).Select(tag => tag.Code).Distinct(StringComparer.Ordinal).ToList();
        var topics = corpus.SelectMany(article => article.Tags.Topics).Select(tag => tag.Id).Distinct(StringComparer.Ordinal).ToList();
        var people = corpus.SelectMany(article => article.Tags.People).Select(tag => tag.Name).Distinct(StringComparer.Ordinal).ToList();
        string Word() => vocabulary[random.Next(vocabulary.Count)];
        string Country() => countries[random.Next(countries.Count)];

        var queries = new List<ArticleQuery>(count);
        for (var i = 0; i < count; i++)
        {
            queries.Add((i % 20) switch
            {
                < 6 => new ArticleQuery { Text = Word() },
                < 9 => new ArticleQuery { Text = Phrase(titles[random.Next(titles.Count)], random) },
                < 12 => new ArticleQuery { Text = $"({Word()} OR {Word()}) AND NOT {Word()}" },
                < 15 => new ArticleQuery { Text = Word(), Countries = [Country(), Country()] },
                < 17 => new ArticleQuery { Topics = [topics[random.Next(topics.Count)]], Countries = [Country()] },
                < 19 => new ArticleQuery { People = [people[random.Next(people.Count)]] },
                _ => new ArticleQuery { Text = Word()[..4] + "*", MinTension = 20 },
            });
        }

        return queries;
    }

    private static string Phrase(string[] words, Random random)
    {
        var start = random.Next(words.Length - 1);
        return $"\"{words[start]} {words[start + 1]}\"";
    }

    private static string Kind(ArticleQuery query) => query switch
    {
        { Text: { } text } when text.StartsWith('"') => "phrase",
        { Text: { } text } when text.Contains(" OR ", StringComparison.Ordinal) => "boolean",
        { Text: { } text } when text.EndsWith('*') => "prefix+tension",
        { Text: not null, Countries.Count: > 0 } => "word+countries",
        { Text: not null } => "word",
        { People.Count: > 0 } => "person",
        _ => "topic+country",
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}

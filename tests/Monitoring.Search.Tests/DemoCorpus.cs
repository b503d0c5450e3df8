using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Search.Tests;

/// <summary>
/// The real demo corpus (seeds/corpus), turned into enriched articles with simple tags given here, so
/// the search tests do not depend on the enricher. Expected figures are computed from the same lines.
/// </summary>
internal static class DemoCorpus
{
    public static readonly DateTimeOffset IngestedAt = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Country tags by a plain name match; "Serbia" also catches "Serbian".</summary>
    public static readonly IReadOnlyDictionary<string, string> CountryNames = new Dictionary<string, string>
    {
        ["Kosovo"] = "XK",
        ["Serbia"] = "RS",
        ["Croatia"] = "HR",
        ["Bosnia"] = "BA",
        ["Albania"] = "AL",
        ["Montenegro"] = "ME",
        ["Macedonia"] = "MK",
        ["Slovenia"] = "SI",
        ["Bulgaria"] = "BG",
        ["Greece"] = "GR",
        ["Romania"] = "RO",
    };

    /// <summary>People tagged when their surname (the last word, diacritics included) is in the text.</summary>
    public static readonly IReadOnlyList<string> People =
        ["Aleksandar Vučić", "Slobodan Milošević", "Radovan Karadžić", "Ratko Mladić", "Hashim Thaçi", "Albin Kurti", "Milorad Dodik"];

    /// <summary>Tension at or above this makes an article tense.</summary>
    public const double TenseFrom = 20;

    private static readonly string[] TensionTerms = ["killed", "war", "attack", "protest", "clashes"];

    private static readonly Lazy<IReadOnlyList<CorpusLine>> LinesValue = new(ReadLines);

    private static readonly Lazy<IReadOnlyList<EnrichedArticle>> ArticlesValue =
        new(() => [.. LinesValue.Value.Select(ToArticle)]);

    public static string Path => System.IO.Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");

    public static IReadOnlyList<CorpusLine> Lines => LinesValue.Value;

    public static IReadOnlyList<EnrichedArticle> Articles => ArticlesValue.Value;

    public static DateOnly DateOf(EnrichedArticle article) => DateOnly.FromDateTime(article.Article.EffectiveDate.DateTime);

    public static bool HasCountry(EnrichedArticle article, string code) =>
        article.Tags.Countries.Any(country => country.Code == code);

    /// <summary>Tagged with the country and the country is in the title (the demo rule for "about").</summary>
    public static bool IsAbout(EnrichedArticle article, string code) =>
        article.Tags.Countries.Any(country => country.Code == code && country.IsAbout);

    public static bool HasPerson(EnrichedArticle article, string name) =>
        article.Tags.People.Any(person => person.Name == name);

    public static bool HasTopic(EnrichedArticle article, string id) =>
        article.Tags.Topics.Any(topic => topic.Id == id);

    /// <summary>Whether the title or body holds <paramref name="word"/> as a whole word, any case.</summary>
    public static bool Mentions(EnrichedArticle article, string word) =>
        Regex.IsMatch(article.Article.Title + "\n" + article.Article.Body, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A one-paragraph article with the headline as title and body, dated 2025-06-01 noon UTC, untagged.</summary>
    public static EnrichedArticle Headline(string text, string source, string language = "en", Uri? url = null) =>
        new(
            new Article
            {
                Id = ArticleId.ForContent(source, url?.ToString() ?? text, text),
                Title = text,
                Paragraphs = [text],
                Source = source,
                Language = language,
                Url = url,
                Published = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
                IngestedAt = IngestedAt,
            },
            ArticleTags.None);

    private static List<CorpusLine> ReadLines() =>
        [.. File.ReadLines(Path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<CorpusLine>(line, JsonSerializerOptions.Web)!)];

    private static EnrichedArticle ToArticle(CorpusLine line)
    {
        var published = DateOnly.ParseExact(line.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var article = new Article
        {
            Id = ArticleId.ForContent(line.Source, line.Title, line.Text),
            Title = line.Title,
            Paragraphs = [line.Text],
            Source = line.Source,
            Language = line.Language,
            Url = new Uri(line.Url),
            Published = new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            IngestedAt = IngestedAt,
        };

        var countries = CountryNames
            .Where(name => line.Text.Contains(name.Key, StringComparison.Ordinal))
            .Select(name => new CountryTag(name.Value, name.Key, 1, [name.Key]) { IsAbout = line.Title.Contains(name.Key, StringComparison.Ordinal) })
            .ToList();
        var topics = new List<TopicTag>();
        if (line.Text.Contains("election", StringComparison.OrdinalIgnoreCase))
        {
            topics.Add(new TopicTag("elections", "Elections", 1, ["election"]));
        }

        var evidence = TensionTerms
            .Select(term => new TensionEvidence(term, 10, Regex.Matches(line.Text, $@"\b{term}\b", RegexOptions.IgnoreCase).Count))
            .Where(found => found.Count > 0)
            .ToList();
        var value = Math.Min(100, evidence.Sum(found => found.Weight * found.Count));
        var tension = new TensionScore(value, evidence) { IsTense = value >= TenseFrom };
        var people = People
            .Where(name => line.Text.Contains(name.Split(' ')[^1], StringComparison.Ordinal))
            .Select(name => new PersonTag(name, 1))
            .ToList();

        return new EnrichedArticle(article, new ArticleTags { Countries = countries, Topics = topics, People = people, Tension = tension });
    }
}

internal sealed record CorpusLine(string Title, string Published, string Url, string Source, string Language, string Text);

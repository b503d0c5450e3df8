using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The _source of one article: the fields <see cref="ArticleIndexDefinition"/> maps for searching, written
/// with the Lucene engine's normalisation (<see cref="ArticleFields"/>), plus the whole enriched article
/// (not indexed) so reads return it with all its tags.
/// </summary>
internal sealed record ArticleSearchDocument
{
    [JsonPropertyName(ArticleIndexDefinition.Id)]
    public required string Id { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Title)]
    public required string Title { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Body)]
    public required string Body { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Country)]
    public IReadOnlyList<string> Countries { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.AboutCountry)]
    public IReadOnlyList<string> AboutCountries { get; init; } = [];

    /// <summary>"Name␟CODE" per country, so suggestions find countries by name or code.</summary>
    [JsonPropertyName(ArticleIndexDefinition.CountryLabel)]
    public IReadOnlyList<string> CountryLabels { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.Topic)]
    public IReadOnlyList<string> Topics { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.Person)]
    public IReadOnlyList<string> People { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.PersonText)]
    public IReadOnlyList<string> PeopleText { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.Source)]
    public required string Source { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.SourceKey)]
    public required string SourceKey { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Language)]
    public required string Language { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.OutletCountry)]
    public IReadOnlyList<string> OutletCountries { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.OutletKind)]
    public IReadOnlyList<string> OutletKinds { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.OutletGroup)]
    public IReadOnlyList<string> OutletGroups { get; init; } = [];

    /// <summary>Effective (published, else ingested) instant in Unix milliseconds.</summary>
    [JsonPropertyName(ArticleIndexDefinition.Published)]
    public long PublishedMilliseconds { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Ingested)]
    public long IngestedMilliseconds { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Undated)]
    public bool IsUndated { get; init; }

    /// <summary>The source gave an impossible publication date: left out of date histograms, counted apart.</summary>
    [JsonPropertyName(ArticleIndexDefinition.ImplausibleDate)]
    public bool HasImplausibleDate { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Tension)]
    public double TensionValue { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Tense)]
    public bool IsTense { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Story)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StoryId { get; init; }

    /// <summary>The enriched article in the same JSON the Lucene engine stores.</summary>
    [JsonPropertyName(ArticleIndexDefinition.Article)]
    public JsonElement Article { get; init; }

    public static ArticleSearchDocument From(EnrichedArticle enriched)
    {
        ArgumentNullException.ThrowIfNull(enriched);
        var article = enriched.Article;
        var tags = enriched.Tags;
        using var json = JsonDocument.Parse(ArticleJson.Serialize(enriched));
        var countries = tags.Countries.DistinctBy(country => country.Code).ToList();
        return new ArticleSearchDocument
        {
            Id = article.Id.Value,
            Title = WithoutMarkers(article.Title),
            Body = WithoutMarkers(article.Body),
            Countries = Keywords(countries.Select(country => ArticleFields.NormaliseCountry(country.Code))),
            AboutCountries = Keywords(countries.Where(country => country.IsAbout).Select(country => ArticleFields.NormaliseCountry(country.Code))),
            CountryLabels = Keywords(countries.Select(country => country.Name.Trim() + ArticleFields.LabelSeparator + ArticleFields.NormaliseCountry(country.Code))),
            Topics = Keywords(tags.Topics.Select(topic => ArticleFields.NormaliseKeyword(topic.Id))),
            People = Keywords(tags.People.Select(person => ArticleFields.NormaliseKeyword(person.Name))),
            PeopleText = [.. tags.People.Select(person => person.Name)],
            Source = ArticleFields.NormaliseKeyword(article.Source),
            SourceKey = ArticleFields.NormaliseSourceKey(article.Source),
            Language = ArticleFields.NormaliseLanguage(article.Language),
            OutletCountries = Keywords(article.Outlet?.Country is { } outletCountry ? [ArticleFields.NormaliseCountry(outletCountry)] : []),
            OutletKinds = Keywords(article.Outlet?.Kind is { } kind ? [kind.Key()] : []),
            OutletGroups = Keywords(article.Outlet?.Groups.Select(ArticleFields.NormaliseKeyword) ?? []),
            PublishedMilliseconds = article.EffectiveDate.ToUnixTimeMilliseconds(),
            IngestedMilliseconds = article.IngestedAt.ToUnixTimeMilliseconds(),
            IsUndated = article.IsUndated,
            HasImplausibleDate = article.HasImplausibleDate,
            TensionValue = tags.Tension.Value,
            IsTense = tags.Tension.IsTense,
            StoryId = article.StoryId?.Value,
            Article = json.RootElement.Clone(),
        };
    }

    public EnrichedArticle ToEnrichedArticle() => ArticleJson.Deserialize(Article.GetRawText());

    private static string[] Keywords(IEnumerable<string> values) =>
        [.. values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal)];

    // The highlight markers must not occur in the indexed text, or a snippet would split at them.
    // Replacing keeps every offset, so highlights still cut the original text.
    private static string WithoutMarkers(string text) =>
        text.Replace(HighlightSnippets.MatchStart, ' ').Replace(HighlightSnippets.MatchEnd, ' ');
}

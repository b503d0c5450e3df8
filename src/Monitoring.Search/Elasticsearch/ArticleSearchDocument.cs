using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Core.Enrichment;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The _source of one article: the fields <see cref="ArticleIndexDefinition"/> maps for searching, plus the
/// whole enriched article (not indexed) so reads return it with all its tags. Field names are the Lucene
/// engine's, so that "country:XK" in a query means the same in both engines.
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

    [JsonPropertyName(ArticleIndexDefinition.Topic)]
    public IReadOnlyList<string> Topics { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.Person)]
    public IReadOnlyList<string> People { get; init; } = [];

    [JsonPropertyName(ArticleIndexDefinition.Source)]
    public required string Source { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Language)]
    public required string Language { get; init; }

    /// <summary>The effective day as written in the article's own offset (yyyy-MM-dd), like the Lucene engine's.</summary>
    [JsonPropertyName(ArticleIndexDefinition.Date)]
    public required string Date { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.PublishedAt)]
    public DateTimeOffset? PublishedAt { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.IngestedAt)]
    public DateTimeOffset IngestedAt { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Undated)]
    public bool Undated { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Tension)]
    public double Tension { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Tense)]
    public bool Tense { get; init; }

    [JsonPropertyName(ArticleIndexDefinition.Story)]
    public string? Story { get; init; }

    /// <summary>The enriched article in the same JSON the Lucene engine stores.</summary>
    [JsonPropertyName(ArticleIndexDefinition.Article)]
    public JsonElement Article { get; init; }

    public static ArticleSearchDocument From(EnrichedArticle enriched)
    {
        ArgumentNullException.ThrowIfNull(enriched);
        var article = enriched.Article;
        var tags = enriched.Tags;
        using var json = JsonDocument.Parse(ArticleJson.Serialize(enriched));
        return new ArticleSearchDocument
        {
            Id = article.Id.Value,
            Title = WithoutMarkers(article.Title),
            Body = WithoutMarkers(article.Body),
            Countries = Keywords(tags.Countries.Select(country => country.Code.Trim().ToUpperInvariant())),
            Topics = Keywords(tags.Topics.Select(topic => topic.Id.Trim())),
            People = Keywords(tags.People.Select(person => person.Name.Trim())),
            Source = article.Source.Trim(),
            Language = article.Language.Trim().ToLowerInvariant(),
            Date = DateOnly.FromDateTime(article.EffectiveDate.DateTime).ToString(ArticleIndexDefinition.DayFormat, CultureInfo.InvariantCulture),
            PublishedAt = article.Published,
            IngestedAt = article.IngestedAt,
            Undated = article.IsUndated,
            Tension = tags.Tension.Value,
            Tense = tags.Tension.IsTense,
            Story = article.StoryId?.Value,
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

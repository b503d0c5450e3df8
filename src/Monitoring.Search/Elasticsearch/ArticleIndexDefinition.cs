using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The index behind the alias: explicit mappings and the analysis that matches the Lucene engine's.
/// A change here is a new <see cref="Version"/>: create the new index, reindex, swap the alias
/// (docs/elasticsearch.md), so nothing here is ever changed on a live index.
/// </summary>
internal static class ArticleIndexDefinition
{
    /// <summary>Bump on every change to the mappings or analysis.</summary>
    public const int Version = 1;

    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Country = "country";
    public const string Topic = "topic";
    public const string Person = "person";
    public const string Source = "source";
    public const string Language = "language";
    public const string Date = "date";
    public const string PublishedAt = "published_at";
    public const string IngestedAt = "ingested_at";
    public const string Undated = "undated";
    public const string Tension = "tension";
    public const string Tense = "tense";
    public const string Story = "story";
    public const string Article = "article";

    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>The analyser of title and body, for indexing, querying and highlighting alike.</summary>
    public const string TextAnalyzer = "article_text";

    private const string EnglishPossessive = "article_english_possessive";
    private const string EnglishStop = "article_english_stop";
    private const string EnglishStemmer = "article_english_stemmer";

    public static string IndexName(string alias) => $"{alias}-v{Version}";

    public static CreateIndexRequest CreateRequest(ElasticsearchSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CreateIndexRequest(IndexName(options.Alias))
        {
            Settings = Settings(options),
            Mappings = Mappings(),
            Aliases = new Dictionary<Name, Alias> { [options.Alias] = new Alias() },
        };
    }

    /// <summary>
    /// Lucene's EnglishAnalyzer (standard tokenizer, possessive, lower case, English stop words, Porter
    /// stemmer) with Serbian folding before the stop words: Cyrillic and Latin become one
    /// (serbian_normalization), and remaining diacritics are folded (asciifolding), so Србија = Srbija and
    /// Priština = Pristina.
    /// </summary>
    private static IndexSettings Settings(ElasticsearchSearchOptions options) => new()
    {
        NumberOfShards = options.Shards,
        NumberOfReplicas = options.Replicas,
        Analysis = new IndexSettingsAnalysis
        {
            TokenFilters = new TokenFilters
            {
                { EnglishPossessive, new StemmerTokenFilter { Language = "possessive_english" } },
                { EnglishStop, new StopTokenFilter { Stopwords = new List<string> { "_english_" } } },
                { EnglishStemmer, new StemmerTokenFilter { Language = "english" } },
            },
            Analyzers = new Analyzers
            {
                {
                    TextAnalyzer,
                    new CustomAnalyzer
                    {
                        Tokenizer = "standard",
                        Filter = [EnglishPossessive, "lowercase", "serbian_normalization", "asciifolding", EnglishStop, EnglishStemmer],
                    }
                },
            },
        },
    };

    // Strict: a field the product did not declare is an error, not a silent dynamic mapping.
    private static TypeMapping Mappings() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = new Properties
        {
            { Id, new KeywordProperty() },
            { Title, Text() },
            { Body, Text() },
            { Country, new KeywordProperty() },
            { Topic, new KeywordProperty() },
            { Person, new KeywordProperty() },
            { Source, new KeywordProperty() },
            { Language, new KeywordProperty() },
            { Story, new KeywordProperty() },
            { Date, new DateProperty { Format = DayFormat } },
            { PublishedAt, new DateProperty() },
            { IngestedAt, new DateProperty() },
            { Undated, new BooleanProperty() },
            { Tense, new BooleanProperty() },
            { Tension, new DoubleNumberProperty() },
            { Article, new ObjectProperty { Enabled = false } },
        },
    };

    // Offsets in the postings let the highlighter cut long bodies without analysing them again.
    private static TextProperty Text() => new() { Analyzer = TextAnalyzer, IndexOptions = IndexOptions.Offsets };
}

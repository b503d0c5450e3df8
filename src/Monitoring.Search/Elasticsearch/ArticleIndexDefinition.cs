using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Analysis;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The index behind the alias: explicit mappings with the Lucene engine's field names (so one parsed
/// query means the same in both engines) and an analysis chain built from Elasticsearch's own filters
/// that yields the same terms as <c>ArticleTextAnalyzer</c>. A change here is a new <see cref="Version"/>:
/// create the new index, reindex, swap the alias (docs/elasticsearch.md), never a change to a live index.
/// </summary>
internal static class ArticleIndexDefinition
{
    /// <summary>
    /// Bump on every change to the mappings or analysis. 2: the fields of the new search contract.
    /// 3: <see cref="ImplausibleDate"/> (a strict mapping refuses documents with a field it lacks, so v2
    /// cannot take them), and person names kept apart in phrases (<see cref="ValueGap"/>).
    /// 4: the outlet's country, kind and groups (<see cref="OutletCountry"/>, <see cref="OutletKind"/>,
    /// <see cref="OutletGroup"/>), which a strict v3 mapping would refuse.
    /// </summary>
    public const int Version = 4;

    public const string Id = ArticleFields.Id;
    public const string Title = ArticleFields.Title;
    public const string Body = ArticleFields.Body;
    public const string Country = ArticleFields.Country;
    public const string AboutCountry = ArticleFields.AboutCountry;
    public const string Topic = ArticleFields.Topic;
    public const string Person = ArticleFields.Person;
    public const string PersonText = ArticleFields.PersonText;
    public const string Source = ArticleFields.Source;
    public const string SourceKey = ArticleFields.SourceKey;
    public const string Language = ArticleFields.Language;
    public const string OutletCountry = ArticleFields.OutletCountry;
    public const string OutletKind = ArticleFields.OutletKind;
    public const string OutletGroup = ArticleFields.OutletGroup;
    public const string CountryLabel = ArticleFields.CountryLabel;
    public const string Story = ArticleFields.Story;
    public const string Published = ArticleFields.Published;
    public const string Ingested = ArticleFields.Ingested;
    public const string Undated = ArticleFields.Undated;
    public const string ImplausibleDate = ArticleFields.ImplausibleDate;
    public const string Tension = ArticleFields.Tension;
    public const string Tense = ArticleFields.Tense;
    public const string Article = "article";

    /// <summary>The sub-field of a tag field (person, topic, country_label) split into folded words, for suggestions.</summary>
    public const string Words = "words";

    /// <summary>The analyser of title, body and person names, for indexing and for phrases typed in queries.</summary>
    public const string TextAnalyzer = "article_text";

    /// <summary>
    /// Reads terms the query parser has already analysed, separated by spaces; <see cref="PositionGap"/>
    /// stands for a removed stop word, so a phrase keeps the positions Lucene's parser gave it.
    /// </summary>
    public const string AnalysedTermsAnalyzer = "analysed_terms";

    /// <summary>
    /// Positions between two values of a multi-valued text field (person names), as in the Lucene engine,
    /// so that a phrase never runs from one name into the next. Elasticsearch's default too, but mapped
    /// explicitly: the two engines must agree on it, whatever a default becomes.
    /// </summary>
    public const int ValueGap = ArticleTextAnalyzer.ValueGap;

    /// <summary>A token no analysis of text can yield (the standard tokenizer splits at angle brackets).</summary>
    public const string PositionGap = "<gap>";

    /// <summary>Tag values split into folded words at the suggester's word breaks.</summary>
    public const string TagWordsAnalyzer = "tag_words";

    /// <summary>
    /// The light Serbian case-ending stemmer of the Lucene engine as one regular expression: the longest of
    /// the endings (listed longest first) that leaves five letters, in a word without digits.
    /// </summary>
    public const string CaseEndingPattern = "^([^0-9]{5,}?)(ima|ama|om|em|og|oj|ih|a|e|i|o|u)$";

    /// <summary>The word breaks of the tag suggester (space - . , ' ( ) / and the label separator).</summary>
    public const string TagWordBreaks = "[ \\-.,'()/\\u001f]+";

    private const string EnglishPossessive = "article_english_possessive";
    private const string EnglishStop = "article_english_stop";
    private const string CaseEndings = "article_serbian_case_endings";
    private const string GapStop = "article_position_gap";
    private const string TagWordsTokenizer = "tag_word_breaks";

    /// <summary>
    /// Priority of the index template: composable templates with overlapping patterns must differ in
    /// priority, and this stays above the cluster's built-in ones (100) should a pattern ever overlap.
    /// </summary>
    public const int TemplatePriority = 200;

    public static string IndexName(string alias) => $"{alias}-v{Version}";

    /// <summary>Every version of the index: the pattern of the index template.</summary>
    public static string IndexPattern(string alias) => $"{alias}-v*";

    /// <summary>
    /// The versioned index with its alias. It states the settings and mappings itself as well as getting
    /// them from the template, so that another template of higher priority on the cluster cannot change
    /// what the engine's own index gets.
    /// </summary>
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
    /// The composable index template named after the alias, for every versioned index of it
    /// (<see cref="IndexPattern"/>): the settings and mappings of this <see cref="Version"/>, no alias (a
    /// new version joins the alias only when it is swapped in). Its <c>version</c> tells which definition
    /// installed it.
    /// </summary>
    public static PutIndexTemplateRequest TemplateRequest(ElasticsearchSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PutIndexTemplateRequest(options.Alias)
        {
            IndexPatterns = new[] { IndexPattern(options.Alias) },
            Priority = TemplatePriority,
            Version = Version,
            Template = new IndexTemplateMapping { Settings = Settings(options), Mappings = Mappings() },
        };
    }

    /// <summary>
    /// The Lucene engine's chain, filter for filter: standard tokenizer → English possessive → lower case →
    /// serbian_normalization (Cyrillic to Latin, đ → dj, č ć š ž folded) → asciifolding → English stop
    /// words → Porter → Serbian case endings (pattern_replace). No plugin (ICU) is needed.
    /// </summary>
    public static IndexSettings Settings(ElasticsearchSearchOptions options) => new()
    {
        NumberOfShards = options.Shards,
        NumberOfReplicas = options.Replicas,
        Analysis = new IndexSettingsAnalysis
        {
            TokenFilters = new TokenFilters
            {
                { EnglishPossessive, new StemmerTokenFilter { Language = "possessive_english" } },
                { EnglishStop, new StopTokenFilter { Stopwords = new List<string> { "_english_" } } },
                { CaseEndings, new PatternReplaceTokenFilter { Pattern = CaseEndingPattern, Replacement = "$1" } },
                { GapStop, new StopTokenFilter { Stopwords = new List<string> { PositionGap } } },
            },
            Tokenizers = new Tokenizers
            {
                { TagWordsTokenizer, new PatternTokenizer { Pattern = TagWordBreaks } },
            },
            Analyzers = new Analyzers
            {
                {
                    TextAnalyzer,
                    new CustomAnalyzer
                    {
                        Tokenizer = "standard",
                        Filter = [EnglishPossessive, "lowercase", "serbian_normalization", "asciifolding", EnglishStop, "porter_stem", CaseEndings],
                    }
                },
                { AnalysedTermsAnalyzer, new CustomAnalyzer { Tokenizer = "whitespace", Filter = [GapStop] } },
                { TagWordsAnalyzer, new CustomAnalyzer { Tokenizer = TagWordsTokenizer, Filter = ["lowercase", "serbian_normalization", "asciifolding"] } },
            },
        },
    };

    // Strict: a field the product did not declare is an error, not a silent dynamic mapping.
    public static TypeMapping Mappings() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = new Properties
        {
            { Id, new KeywordProperty() },
            { Title, Text() },
            { Body, Text() },
            { PersonText, Text(ValueGap) },
            { Country, new KeywordProperty() },
            { AboutCountry, new KeywordProperty() },
            { Topic, TagWithWords() },
            { Person, TagWithWords() },
            { CountryLabel, TagWithWords() },
            { Source, new KeywordProperty() },
            { SourceKey, new KeywordProperty() },
            { Language, new KeywordProperty() },
            { OutletCountry, new KeywordProperty() },
            { OutletKind, new KeywordProperty() },
            { OutletGroup, new KeywordProperty() },
            { Story, new KeywordProperty() },
            { Published, EpochMilliseconds() },
            { Ingested, EpochMilliseconds() },
            { Undated, new BooleanProperty() },
            { ImplausibleDate, new BooleanProperty() },
            { Tense, new BooleanProperty() },
            { Tension, new DoubleNumberProperty() },
            { Article, new ObjectProperty { Enabled = false } },
        },
    };

    // Offsets in the postings let the highlighter cut long bodies without analysing them again.
    private static TextProperty Text(int? valueGap = null) =>
        new() { Analyzer = TextAnalyzer, IndexOptions = IndexOptions.Offsets, PositionIncrementGap = valueGap };

    private static KeywordProperty TagWithWords() => new()
    {
        Fields = new Properties { { Words, new TextProperty { Analyzer = TagWordsAnalyzer } } },
    };

    // The same Unix milliseconds as the Lucene engine's numeric fields, so sort values and cursors agree.
    private static DateProperty EpochMilliseconds() => new() { Format = "epoch_millis" };
}

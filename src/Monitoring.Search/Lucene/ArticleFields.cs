namespace Monitoring.Search.Lucene;

/// <summary>The field names of an article document; one place so that writing and reading agree.</summary>
internal static class ArticleFields
{
    /// <summary>
    /// Bumped whenever fields or analysis change so that existing documents would be searched wrongly; an index
    /// written with another schema is rebuilt empty (and refilled by ingestion) rather than searched wrongly. Not
    /// bumped for the outlet fields (<see cref="OutletCountry"/>, <see cref="OutletKind"/>, <see cref="OutletGroup"/>):
    /// they are new fields an older document simply lacks, and the outlet re-tag (docs/search.md) fills them in place.
    /// </summary>
    public const string SchemaVersion = "2";

    /// <summary>Stored, not analysed, with sorted doc values: the replace key and the last sort tie-breaker.</summary>
    public const string Id = "id";

    /// <summary>Analysed (<see cref="Analysis.ArticleTextAnalyzer"/>).</summary>
    public const string Title = "title";

    /// <summary>Analysed (<see cref="Analysis.ArticleTextAnalyzer"/>).</summary>
    public const string Body = "body";

    /// <summary>Keyword fields: indexed for filtering and sorted-set doc values for facet counts.</summary>
    public const string Country = "country";

    /// <summary>The country codes whose tag has <c>IsAbout</c>.</summary>
    public const string AboutCountry = "about_country";

    public const string Topic = "topic";

    /// <summary><c>PersonTag.Name</c> exactly.</summary>
    public const string Person = "person";

    public const string Source = "source";

    public const string Language = "language";

    /// <summary>The outlet's country code, upper-case (<c>ArticleOutlet.Country</c>); keyword with doc values.</summary>
    public const string OutletCountry = "outlet_country";

    /// <summary>The outlet's kind as <c>OutletKinds.Key</c>; keyword with doc values.</summary>
    public const string OutletKind = "outlet_kind";

    /// <summary>The ids of the outlet's groups; keyword with doc values.</summary>
    public const string OutletGroup = "outlet_group";

    /// <summary>Person names analysed like text, for <c>person:</c> in the query syntax.</summary>
    public const string PersonText = "person_text";

    /// <summary>The source lower-cased, for <c>source:</c> in the query syntax.</summary>
    public const string SourceKey = "source_key";

    /// <summary>"Name␟CODE" per country tag (keyword), so suggestions can match country names.</summary>
    public const string CountryLabel = "country_label";

    /// <summary>Separates a country's name from its code in <see cref="CountryLabel"/>.</summary>
    public const char LabelSeparator = '\u001f';

    /// <summary><c>Article.StoryId</c> when set (keyword).</summary>
    public const string Story = "story";

    /// <summary>Effective (published, else ingested) instant in Unix milliseconds: indexed and doc values.</summary>
    public const string Published = "published";

    /// <summary>Ingest instant in Unix milliseconds: indexed and doc values.</summary>
    public const string Ingested = "ingested";

    /// <summary>1 when the publication date is unknown (doc values).</summary>
    public const string Undated = "undated";

    /// <summary>1 when the source gave an impossible publication date (<c>Article.ImplausiblePublished</c>; doc values).</summary>
    public const string ImplausibleDate = "implausible_date";

    /// <summary>Tension value: indexed as a double for ranges, doc values as the bits of a double for sorting and averages.</summary>
    public const string Tension = "tension";

    /// <summary>1 when <c>TensionScore.IsTense</c> (doc values).</summary>
    public const string Tense = "tense";

    /// <summary>The whole enriched article as JSON, so reads return it with all its tags.</summary>
    public const string Json = "json";

    /// <summary>Fields that hold exact values, never analysed (also when typed in query text).</summary>
    public static IReadOnlyList<string> Keywords { get; } = [Id, Country, AboutCountry, Topic, Person, Source, Language, SourceKey, Story, CountryLabel, OutletCountry, OutletKind, OutletGroup];

    /// <summary>Country codes are matched upper-case (XK, RS) whatever the caller typed.</summary>
    public static string NormaliseCountry(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Language codes are matched lower-case (en, sr).</summary>
    public static string NormaliseLanguage(string code) => code.Trim().ToLowerInvariant();

    public static string NormaliseKeyword(string value) => value.Trim();

    public static string NormaliseSourceKey(string value) => value.Trim().ToLowerInvariant();
}

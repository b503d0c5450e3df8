namespace Monitoring.Search.Lucene;

/// <summary>The field names of an article document; one place so that writing and reading agree.</summary>
internal static class ArticleFields
{
    /// <summary>Stored, not analysed: the key that makes re-indexing replace instead of double.</summary>
    public const string Id = "id";

    public const string Title = "title";

    public const string Body = "body";

    /// <summary>Keyword fields: indexed for filtering and sorted-set doc values for facet counts.</summary>
    public const string Country = "country";

    public const string Topic = "topic";

    public const string Source = "source";

    public const string Language = "language";

    /// <summary>Effective date as <see cref="DateOnly.DayNumber"/>: indexed for ranges, doc values for sorting and buckets.</summary>
    public const string Date = "date";

    /// <summary>1 when the publication date is unknown (doc values).</summary>
    public const string Undated = "undated";

    /// <summary>Tension value as the bits of a double (doc values), for averages per bucket.</summary>
    public const string Tension = "tension";

    /// <summary>The whole enriched article as JSON, so reads return it with all its tags.</summary>
    public const string Json = "json";

    public static IReadOnlyList<string> Keywords { get; } = [Country, Topic, Source, Language];

    /// <summary>Country codes are matched upper-case (XK, RS) whatever the caller typed.</summary>
    public static string NormaliseCountry(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Language codes are matched lower-case (en, sr).</summary>
    public static string NormaliseLanguage(string code) => code.Trim().ToLowerInvariant();

    public static string NormaliseKeyword(string value) => value.Trim();
}

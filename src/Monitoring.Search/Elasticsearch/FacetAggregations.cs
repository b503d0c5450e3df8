using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Monitoring.Core.Search;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>Facet counts as terms aggregations: one per keyword field, named after the field.</summary>
internal static class FacetAggregations
{
    /// <summary>How many values each facet lists at most (as in the Lucene engine).</summary>
    public const int Limit = 50;

    private static readonly string[] FacetFields = [Country, Topic, Source, Language];

    public static Dictionary<string, Aggregation> Request() =>
        FacetFields.ToDictionary(field => field, field => (Aggregation)Terms(field, Limit), StringComparer.Ordinal);

    /// <summary>Count first, then value: the order the Lucene engine gives and the contract expects.</summary>
    public static TermsAggregation Terms(string field, int size) => new()
    {
        Field = field,
        Size = size,
        Order =
        [
            new KeyValuePair<Field, SortOrder>("_count", SortOrder.Desc),
            new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc),
        ],
    };

    public static SearchFacets Read(AggregateDictionary? aggregations) => new(
        Counts(aggregations, Country),
        Counts(aggregations, Topic),
        Counts(aggregations, Source),
        Counts(aggregations, Language));

    public static IReadOnlyList<FacetCount> Counts(AggregateDictionary? aggregations, string name) =>
        aggregations?.GetStringTerms(name) is { } terms
            ? [.. terms.Buckets.Select(bucket => new FacetCount(KeyOf(bucket), bucket.DocCount))]
            : [];

    public static string KeyOf(StringTermsBucket bucket) =>
        bucket.Key.TryGetString(out var text) ? text! : bucket.Key.ToString();
}

using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using Facet = Monitoring.Search.Elasticsearch.SearchQueryBuilder.Facet;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Disjunctive facet counts: the search query carries the text and the filters no facet counts on, the
/// facet filters go to <c>post_filter</c> (hits and total), and each facet is a <c>filter</c> aggregation
/// of every facet filter but its own around a <c>terms</c> aggregation.
/// </summary>
internal static class FacetAggregations
{
    /// <summary>How many values each facet lists at most (as in the Lucene engine).</summary>
    public const int Limit = 50;

    /// <summary>The terms aggregation inside each facet's filter aggregation.</summary>
    public const string Values = "values";

    /// <summary>"country", "language", "outlet_country" …: the aggregation's name, as the field's.</summary>
    public static string NameOf(Facet facet) => facet switch
    {
        Facet.OutletCountry => "outlet_country",
        Facet.OutletKind => "outlet_kind",
        Facet.OutletGroup => "outlet_group",
        _ => facet.ToString().ToLowerInvariant(),
    };

    public static Dictionary<string, Aggregation> Request(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SearchQueryBuilder.Facets.ToDictionary(
            NameOf,
            facet =>
            {
                var others = SearchQueryBuilder.FacetFilters(query, except: facet);
                return new Aggregation
                {
                    Filter = others.Count == 0 ? new MatchAllQuery() : new BoolQuery { Filter = others },
                    Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
                    {
                        [Values] = new Aggregation { Terms = Terms(SearchQueryBuilder.FieldOf(facet, query.CountryMode), Limit) },
                    },
                };
            },
            StringComparer.Ordinal);
    }

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
        Counts(aggregations, Facet.Country),
        Counts(aggregations, Facet.Topic),
        Counts(aggregations, Facet.Source),
        Counts(aggregations, Facet.Language))
    {
        People = Counts(aggregations, Facet.Person),
        OutletCountries = Counts(aggregations, Facet.OutletCountry),
        OutletKinds = Counts(aggregations, Facet.OutletKind),
        OutletGroups = Counts(aggregations, Facet.OutletGroup),
    };

    public static IReadOnlyList<FacetCount> Counts(AggregateDictionary? aggregations, Facet facet) =>
        Counts(aggregations?.GetFilter(NameOf(facet))?.Aggregations?.GetStringTerms(Values));

    public static IReadOnlyList<FacetCount> Counts(StringTermsAggregate? terms) =>
        terms is null ? [] : [.. terms.Buckets.Select(bucket => new FacetCount(KeyOf(bucket), bucket.DocCount))];

    public static string KeyOf(StringTermsBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return bucket.Key.TryGetString(out var text) ? text! : Convert.ToString(bucket.Key.Value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}

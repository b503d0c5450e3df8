using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Distinct stories and sources of all matching articles: a <c>filter</c> aggregation with every facet
/// filter (the aggregations see the query without <c>post_filter</c>) around two <c>cardinality</c>
/// aggregations. Cardinality is HyperLogLog++: close to exact up to <see cref="PrecisionThreshold"/>
/// distinct values, approximate above it.
/// </summary>
internal static class DistinctCounts
{
    public const string Name = "distinct";

    public const string Stories = "stories";

    public const string Sources = "sources";

    /// <summary>Elasticsearch's maximum: about 320 KB of memory per aggregation and shard.</summary>
    public const int PrecisionThreshold = 40_000;

    /// <summary>
    /// The story of an article: its story id, or its own id when it starts a story. A script rather than a
    /// field, so that indexes written before this count existed need no reindex.
    /// </summary>
    public const string StoryKeyScript = $"doc['{Story}'].size() > 0 ? doc['{Story}'].value : doc['{ArticleIndexDefinition.Id}'].value";

    public static Aggregation Request(ArticleQuery query)
    {
        var filters = SearchQueryBuilder.FacetFilters(query, except: null);
        return new Aggregation
        {
            Filter = filters.Count == 0 ? new MatchAllQuery() : new BoolQuery { Filter = filters },
            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
            {
                [Stories] = new Aggregation
                {
                    Cardinality = new CardinalityAggregation { Script = new Script { Source = StoryKeyScript }, PrecisionThreshold = PrecisionThreshold },
                },
                [Sources] = new Aggregation
                {
                    Cardinality = new CardinalityAggregation { Field = Source, PrecisionThreshold = PrecisionThreshold },
                },
            },
        };
    }

    public static (long Stories, long Sources) Read(AggregateDictionary? aggregations)
    {
        var distinct = aggregations?.GetFilter(Name)?.Aggregations;
        return (distinct?.GetCardinality(Stories)?.Value ?? 0, distinct?.GetCardinality(Sources)?.Value ?? 0);
    }
}

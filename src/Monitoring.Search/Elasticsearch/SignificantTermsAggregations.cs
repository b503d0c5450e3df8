using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;
using Analyzer = Lucene.Net.Analysis.Analyzer;
using EsQuery = Elastic.Clients.Elasticsearch.QueryDsl.Query;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Significant terms as Elasticsearch computes them: <c>significant_terms</c> over every match for people and
/// countries, <c>significant_text</c> on the body inside a <c>sampler</c> of the best-ranked matches for words,
/// all with the JLH heuristic and the contract's minimum count, so that the Lucene engine's figures are the same on
/// one shard. The hits of the request are the sample itself (best-ranked first, body only): the words' written
/// forms are read from them, as the Lucene engine reads them from its sample.
/// </summary>
internal static class SignificantTermsAggregations
{
    public const string People = "significant_people";

    public const string Countries = "significant_countries";

    public const string Sample = "sample";

    public const string Words = "significant_words";

    public static SearchRequest Request(string alias, SignificantTermsQuery query, EsQuery? text, IReadOnlySet<string> queryWords)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.Filter;
        return new SearchRequest(alias)
        {
            Query = SearchQueryBuilder.Build(filter, text, includeFacetFilters: true),
            Size = SignificantTermsQuery.SampleSize,
            Source = new SourceConfig(new SourceFilter { Includes = Fields.FromString(Body) }),
            TrackTotalHits = new TrackHits(true),
            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
            {
                [People] = Keyword(Person, query.Take, filter.People.Select(value => value.Trim())),
                [Countries] = Keyword(SearchQueryBuilder.CountryField(filter.CountryMode), query.Take, filter.Countries.Select(code => code.Trim().ToUpperInvariant())),
                [Sample] = new Aggregation
                {
                    Sampler = new SamplerAggregation { ShardSize = SignificantTermsQuery.SampleSize },
                    Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
                    {
                        [Words] = new Aggregation
                        {
                            SignificantText = new SignificantTextAggregation
                            {
                                Field = Body,
                                Size = query.Take,
                                MinDocCount = SignificantTermsQuery.MinimumMatches,
                                Jlh = new EmptyObject(),
                                Include = new TermsInclude(SignificantTermsQuery.WordPattern),
                                FilterDuplicateText = true,
                                Exclude = Exclude(queryWords),
                            },
                        },
                    },
                },
            },
        };
    }

    public static SignificantTerms Read(SearchResponse<ArticleSearchDocument> response, Analyzer analyzer, int take)
    {
        ArgumentNullException.ThrowIfNull(response);
        var aggregations = response.Aggregations;
        var sample = aggregations?.GetSampler(Sample);
        var words = sample?.Aggregations?.GetSignificantStringTerms(Words);
        var people = aggregations?.GetSignificantStringTerms(People);
        var countries = aggregations?.GetSignificantStringTerms(Countries);
        var bodies = response.Hits.Select(hit => hit.Source?.Body ?? string.Empty).ToList();
        var forms = SignificantTermsFinder.CountWords(analyzer, bodies, cores: 1);
        var indexed = people?.BgCount ?? countries?.BgCount ?? words?.BgCount ?? 0;
        return new SignificantTerms(
            response.Total,
            sample?.DocCount ?? 0,
            indexed,
            Terms(words, take, word => forms.TryGetValue(word, out var count) ? count.Label : word),
            Terms(people, take, value => value),
            Terms(countries, take, value => value));
    }

    private static Aggregation Keyword(string field, int take, IEnumerable<string> filtered) => new()
    {
        SignificantTerms = new SignificantTermsAggregation
        {
            Field = field,
            Size = take,
            MinDocCount = SignificantTermsQuery.MinimumMatches,
            Jlh = new EmptyObject(),
            Exclude = Exclude(filtered.Where(value => value.Length > 0).ToHashSet(StringComparer.Ordinal)),
        },
    };

    private static TermsExclude? Exclude(IReadOnlySet<string> values) =>
        values.Count == 0 ? null : new TermsExclude([.. values.Order(StringComparer.Ordinal)]);

    private static IReadOnlyList<SignificantTerm> Terms(SignificantStringTermsAggregate? aggregate, int take, Func<string, string> label) =>
        aggregate is null
            ? []
            : SignificanceScore.Rank(
                aggregate.Buckets.Select(bucket => new SignificantTerm(bucket.Key, bucket.DocCount, bucket.BgCount, bucket.Score) { Label = label(bucket.Key) }),
                take);
}

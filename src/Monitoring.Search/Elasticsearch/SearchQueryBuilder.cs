using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Turns an <see cref="ArticleQuery"/> into the Elasticsearch query and sort that behave like the Lucene
/// engine's: the same classic query syntax over title (boosted) and body with AND between words, and
/// filters that restrict without touching the ranking.
/// </summary>
internal static class SearchQueryBuilder
{
    private const double TitleBoost = 2;

    /// <summary>The text (or everything) in <c>must</c>, every filter in <c>filter</c>.</summary>
    public static Query Build(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);

        var filters = new List<Query>();
        AddAnyOf(filters, Country, query.Countries.Select(code => code.Trim().ToUpperInvariant()));
        AddAnyOf(filters, Topic, query.Topics.Select(topic => topic.Trim()));
        AddAnyOf(filters, Source, query.Sources.Select(source => source.Trim()));
        AddAnyOf(filters, Language, query.Languages.Select(language => language.Trim().ToLowerInvariant()));
        if (query.From is not null || query.To is not null)
        {
            var range = new DateRangeQuery(Date) { Format = DayFormat };
            if (query.From is { } from)
            {
                range.Gte = Day(from);
            }

            if (query.To is { } to)
            {
                range.Lte = Day(to);
            }

            filters.Add(range);
        }

        return new BoolQuery
        {
            Must = [query.HasText ? Text(query.Text!) : new MatchAllQuery()],
            Filter = filters,
        };
    }

    /// <summary>
    /// The classic Lucene syntax, as the Lucene engine parses it. Leading wildcards are refused there, so
    /// here too; tie_breaker 1 scores a word found in title and body as the sum of both, as Lucene's
    /// multi-field parser does. A query of exclusions only is completed with match_all by Elasticsearch.
    /// </summary>
    public static QueryStringQuery Text(string text) => new(text)
    {
        Fields = new[] { $"{Title}^{TitleBoost.ToString(CultureInfo.InvariantCulture)}", Body },
        DefaultOperator = Operator.And,
        AllowLeadingWildcard = false,
        TieBreaker = 1,
    };

    /// <summary>Relevance (newest first among equals), newest or oldest; relevance without text is newest.</summary>
    public static ICollection<SortOptions> Sort(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var score = new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } };
        var newest = new SortOptions { Field = new FieldSort(Date) { Order = SortOrder.Desc } };
        var oldest = new SortOptions { Field = new FieldSort(Date) { Order = SortOrder.Asc } };
        return query.Sort switch
        {
            SearchSort.Newest => [newest, score],
            SearchSort.Oldest => [oldest, score],
            _ when query.HasText => [score, newest],
            _ => [newest],
        };
    }

    private static void AddAnyOf(List<Query> filters, string field, IEnumerable<string> values)
    {
        var distinct = values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).Select(FieldValue.String).ToList();
        if (distinct.Count > 0)
        {
            filters.Add(new TermsQuery(field, new TermsQueryField(distinct)));
        }
    }

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}

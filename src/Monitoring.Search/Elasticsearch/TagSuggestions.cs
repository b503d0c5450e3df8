using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Analysis;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Search-as-you-type over the tag vocabulary in one request: for people, topics and country labels a
/// filter aggregation keeps the articles with a tag word starting with the folded prefix (the
/// <c>.words</c> sub-fields) around a terms aggregation of the tag values; a plain terms aggregation
/// counts articles per country code. Values are then kept by the Lucene engine's own word rule
/// (<c>TagSuggester.AnyWordStartsWith</c>), since an article's other tags ride along in its buckets.
/// </summary>
internal static class TagSuggestions
{
    /// <summary>Tag values looked at per kind; far more than any page of suggestions needs.</summary>
    public const int Candidates = 1_000;

    /// <summary>Countries counted by code: more than there are.</summary>
    public const int CountryCodes = 500;

    public const string People = "people";
    public const string Topics = "topics";
    public const string Labels = "country_labels";
    public const string Codes = "country_codes";
    public const string Values = "values";

    /// <summary>The prefix as the index folds tag words; empty when nothing is left to suggest from.</summary>
    public static string Fold(string prefix) => ArticleTextAnalyzer.Fold(prefix.Trim());

    public static SearchRequest Request(string alias, string folded) => new(alias)
    {
        Size = 0,
        Query = new MatchAllQuery(),
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [People] = WordsStarting(Person, folded),
            [Topics] = WordsStarting(Topic, folded),
            [Labels] = WordsStarting(CountryLabel, folded),
            [Codes] = new Aggregation { Terms = new TermsAggregation { Field = Country, Size = CountryCodes } },
        },
    };

    public static IReadOnlyList<Suggestion> Read(AggregateDictionary? aggregations, string folded, int take)
    {
        var candidates = new List<Suggestion>();
        candidates.AddRange(Buckets(aggregations, People)
            .Where(bucket => TagSuggester.AnyWordStartsWith(bucket.Value, folded))
            .Select(bucket => new Suggestion(SuggestionKind.Person, bucket.Value, bucket.Value, bucket.Count)));
        candidates.AddRange(Buckets(aggregations, Topics)
            .Where(bucket => TagSuggester.AnyWordStartsWith(bucket.Value, folded))
            .Select(bucket => new Suggestion(SuggestionKind.Topic, bucket.Value, bucket.Value, bucket.Count)));

        // A country is counted by its code, whichever of its names matched.
        var perCode = FacetAggregations.Counts(aggregations?.GetStringTerms(Codes))
            .ToDictionary(count => count.Value, count => count.Count, StringComparer.Ordinal);
        foreach (var (label, _) in Buckets(aggregations, Labels).Where(bucket => TagSuggester.AnyWordStartsWith(bucket.Value, folded)))
        {
            var separator = label.LastIndexOf(ArticleFields.LabelSeparator);
            var code = label[(separator + 1)..];
            candidates.Add(new Suggestion(SuggestionKind.Country, code, label[..Math.Max(0, separator)], perCode.GetValueOrDefault(code)));
        }

        return [.. candidates
            .Where(suggestion => suggestion.Count > 0)
            .OrderByDescending(suggestion => suggestion.Count)
            .ThenBy(suggestion => suggestion.Value, StringComparer.Ordinal)
            .DistinctBy(suggestion => (suggestion.Kind, suggestion.Value))
            .Take(take)];
    }

    private static Aggregation WordsStarting(string field, string folded) => new()
    {
        Filter = new PrefixQuery($"{field}.{Words}", folded),
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [Values] = new Aggregation { Terms = new TermsAggregation { Field = field, Size = Candidates } },
        },
    };

    private static IEnumerable<(string Value, long Count)> Buckets(AggregateDictionary? aggregations, string name) =>
        FacetAggregations.Counts(aggregations?.GetFilter(name)?.Aggregations?.GetStringTerms(Values))
            .Select(count => (count.Value, count.Count));
}

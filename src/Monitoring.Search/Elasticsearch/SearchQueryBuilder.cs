using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using static Monitoring.Search.Elasticsearch.ArticleIndexDefinition;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// The filters, facet filters and sort of an <see cref="ArticleQuery"/>, with the Lucene engine's
/// semantics (<c>ArticleQueryTranslator</c>): values OR-ed within a filter, filters AND-ed, none of them
/// scoring; dates as instants of the query's time zone; the same sort keys ending with the article id.
/// </summary>
internal static class SearchQueryBuilder
{
    /// <summary>The filters a facet leaves out of its own count (see <see cref="SearchFacets"/>).</summary>
    public enum Facet
    {
        Country,
        Topic,
        Person,
        Source,
        Language,
        OutletCountry,
        OutletKind,
        OutletGroup,
    }

    public static IReadOnlyList<Facet> Facets { get; } =
        [Facet.Country, Facet.Topic, Facet.Person, Facet.Source, Facet.Language, Facet.OutletCountry, Facet.OutletKind, Facet.OutletGroup];

    /// <summary>
    /// The text (or everything) in <c>must</c>, the filters no facet counts on (dates, tension, story) in
    /// <c>filter</c>; with <paramref name="includeFacetFilters"/> the facet filters as well.
    /// </summary>
    public static Query Build(ArticleQuery query, Query? text, bool includeFacetFilters)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = OtherFilters(query);
        if (includeFacetFilters)
        {
            filters.AddRange(FacetFilters(query, except: null));
        }

        return new BoolQuery
        {
            Must = [text ?? new MatchAllQuery()],
            Filter = filters.Count > 0 ? filters : null,
        };
    }

    /// <summary>The facet filters the query sets, leaving out the one of <paramref name="except"/>.</summary>
    public static List<Query> FacetFilters(ArticleQuery query, Facet? except)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<Query>();
        foreach (var facet in Facets.Where(facet => facet != except))
        {
            var values = ValuesOf(query, facet);
            if (values.Count > 0)
            {
                filters.Add(new TermsQuery(FieldOf(facet, query.CountryMode), new TermsQueryField([.. values.Select(FieldValue.String)])));
            }
        }

        return filters;
    }

    /// <summary>Whether the query filters on the facet's own field.</summary>
    public static bool Filters(ArticleQuery query, Facet facet) => ValuesOf(query, facet).Count > 0;

    /// <summary>The keyword field a facet counts and filters on.</summary>
    public static string FieldOf(Facet facet, CountryMode mode) => facet switch
    {
        Facet.Country => CountryField(mode),
        Facet.Topic => Topic,
        Facet.Person => Person,
        Facet.Source => Source,
        Facet.Language => Language,
        Facet.OutletCountry => OutletCountry,
        Facet.OutletKind => OutletKind,
        Facet.OutletGroup => OutletGroup,
        _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, null),
    };

    public static string CountryField(CountryMode mode) => mode == CountryMode.About ? AboutCountry : Country;

    public static string DateField(DateBasis basis) => basis == DateBasis.Ingested ? Ingested : Published;

    /// <summary>
    /// Date, tension and relevance orders, each ending with the article id so that every hit has one
    /// position (cursors rely on it), exactly as the Lucene engine sorts.
    /// </summary>
    public static List<SortOptions> Sort(ArticleQuery query, bool hasText)
    {
        ArgumentNullException.ThrowIfNull(query);
        var date = DateField(query.DateBasis);
        var newest = FieldSort(date, SortOrder.Desc);
        var byId = FieldSort(ArticleIndexDefinition.Id, SortOrder.Asc);
        return query.Sort switch
        {
            SearchSort.Newest => [newest, byId],
            SearchSort.Oldest => [FieldSort(date, SortOrder.Asc), byId],
            SearchSort.Tension => [FieldSort(Tension, SortOrder.Desc), newest, byId],
            _ when hasText => [new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } }, newest, byId],
            _ => [newest, byId],
        };
    }

    /// <summary>The sort as a short signature, so a cursor of one sort is refused by another.</summary>
    public static string Signature(ArticleQuery query, bool hasText)
    {
        ArgumentNullException.ThrowIfNull(query);
        var date = DateField(query.DateBasis);
        return query.Sort switch
        {
            SearchSort.Newest => $"{date}-,{ArticleIndexDefinition.Id}+",
            SearchSort.Oldest => $"{date}+,{ArticleIndexDefinition.Id}+",
            SearchSort.Tension => $"{Tension}-,{date}-,{ArticleIndexDefinition.Id}+",
            _ when hasText => $"score,{date}-,{ArticleIndexDefinition.Id}+",
            _ => $"{date}-,{ArticleIndexDefinition.Id}+",
        };
    }

    private static SortOptions FieldSort(string field, SortOrder order) =>
        new() { Field = new FieldSort(field) { Order = order } };

    private static List<Query> OtherFilters(ArticleQuery query)
    {
        var filters = new List<Query>();
        var (start, end) = query.InstantRange();
        if (start is not null || end is not null)
        {
            filters.Add(new NumberRangeQuery(DateField(query.DateBasis))
            {
                Gte = start?.ToUnixTimeMilliseconds(),
                Lt = end?.ToUnixTimeMilliseconds(),
            });
        }

        if (query.MinTension is not null || query.MaxTension is not null)
        {
            filters.Add(new NumberRangeQuery(Tension) { Gte = query.MinTension, Lte = query.MaxTension });
        }

        if (query.StoryId is { Value: not null } story)
        {
            filters.Add(new BoolQuery
            {
                Should =
                [
                    new TermQuery(ArticleIndexDefinition.Id, story.Value),
                    new TermQuery(Story, story.Value),
                ],
                MinimumShouldMatch = 1,
            });
        }

        return filters;
    }

    private static List<string> ValuesOf(ArticleQuery query, Facet facet)
    {
        var values = facet switch
        {
            Facet.Country => query.Countries.Select(ArticleFields.NormaliseCountry),
            Facet.Topic => query.Topics.Select(ArticleFields.NormaliseKeyword),
            Facet.Person => query.People.Select(ArticleFields.NormaliseKeyword),
            Facet.Source => query.Sources.Select(ArticleFields.NormaliseKeyword),
            Facet.Language => query.Languages.Select(ArticleFields.NormaliseLanguage),
            Facet.OutletCountry => query.OutletCountries.Select(ArticleFields.NormaliseCountry),
            Facet.OutletKind => query.OutletKinds.Select(ArticleFields.NormaliseLanguage),
            Facet.OutletGroup => query.OutletGroups.Select(ArticleFields.NormaliseKeyword),
            _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, null),
        };
        return [.. values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}

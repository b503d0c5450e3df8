using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;

namespace Monitoring.Search.Lucene;

/// <summary>Turns an <see cref="ArticleQuery"/> into a Lucene query: parsed text plus constant-score filters.</summary>
/// <param name="names">Other names of typed places, countries and people, searched as well unless a query turns it off; null for none.</param>
internal sealed class ArticleQueryTranslator(Analyzer analyzer, NameExpander? names = null)
{
    /// <summary>The filters a facet can leave out of its own count (see <see cref="SearchFacets"/>).</summary>
    public enum FacetFilter
    {
        None,
        Country,
        Topic,
        Person,
        Source,
        Language,
        OutletCountry,
        OutletKind,
        OutletGroup,
    }

    /// <summary>The parsed free text of <paramref name="query"/>, with other names unless it turns them off; null when there is no text.</summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    public Query? ParseText(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Parse(query.Text, query.ExpandNames).Query;
    }

    /// <summary>The parsed free text, or null when there is none.</summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    public Query? ParseText(string? text) => Parse(text, expandNames: true).Query;

    /// <summary>The parsed free text (null when there is none) and the other names it searched.</summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    public (Query? Query, IReadOnlyList<NameExpansion> Expansions) Parse(string? text, bool expandNames)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, []);
        }

        if (QuerySyntaxErrors.FindStructuralError(text) is { } structural)
        {
            throw QuerySyntaxErrors.Invalid(text, structural.Position, structural.Reason, null);
        }

        // The parser keeps state, so each query gets its own.
        var parser = new AnalystQueryParser(analyzer, expandNames ? names : null);
        Query parsed;
        try
        {
            parsed = parser.Parse(text);
        }
        catch (ParseException exception) when (exception.InnerException is BooleanQuery.TooManyClausesException)
        {
            throw TooManyTerms(text, exception);
        }
        catch (ParseException exception)
        {
            var (position, reason) = QuerySyntaxErrors.Describe(text, exception);
            throw QuerySyntaxErrors.Invalid(text, position, reason, exception);
        }
        catch (BooleanQuery.TooManyClausesException exception)
        {
            throw TooManyTerms(text, exception);
        }
        catch (UnknownFieldException unknown)
        {
            var position = text.IndexOf(unknown.Field + ":", StringComparison.OrdinalIgnoreCase) + 1;
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"\"{unknown.Field}:\" is not a field you can search; use {string.Join(", ", AnalystQueryParser.FieldNames.Select(name => name + ":"))} or put the words in quotes");
            throw QuerySyntaxErrors.Invalid(text, position > 0 ? position : null, reason, unknown);
        }

        return (MatchAllWhenOnlyExclusions(parsed), parser.Expansions);
    }

    private static InvalidQueryException TooManyTerms(string text, Exception exception) => QuerySyntaxErrors.Invalid(
        text,
        null,
        string.Create(CultureInfo.InvariantCulture, $"it asks for more than {BooleanQuery.MaxClauseCount:N0} terms at once; split it into several searches"),
        exception);

    /// <summary>
    /// The whole query: text (or everything) restricted by the filters, which do not affect scores;
    /// <paramref name="without"/> leaves one facet's own filter out (for disjunctive facet counts).
    /// </summary>
    public static Query Build(ArticleQuery query, Query? text, FacetFilter without = FacetFilter.None)
    {
        ArgumentNullException.ThrowIfNull(query);

        var root = new BooleanQuery();
        if (text is not null)
        {
            root.Add(text, Occur.MUST);
        }

        if (without != FacetFilter.Country)
        {
            AddAnyOf(root, CountryField(query.CountryMode), query.Countries.Select(ArticleFields.NormaliseCountry));
        }

        if (without != FacetFilter.Topic)
        {
            AddAnyOf(root, ArticleFields.Topic, query.Topics.Select(ArticleFields.NormaliseKeyword));
        }

        if (without != FacetFilter.Person)
        {
            AddAnyOf(root, ArticleFields.Person, query.People.Select(ArticleFields.NormaliseKeyword));
        }

        if (without != FacetFilter.Source)
        {
            AddAnyOf(root, ArticleFields.Source, query.Sources.Select(ArticleFields.NormaliseKeyword));
        }

        if (without != FacetFilter.Language)
        {
            AddAnyOf(root, ArticleFields.Language, query.Languages.Select(ArticleFields.NormaliseLanguage));
        }

        if (without != FacetFilter.OutletCountry)
        {
            AddAnyOf(root, ArticleFields.OutletCountry, query.OutletCountries.Select(ArticleFields.NormaliseCountry));
        }

        if (without != FacetFilter.OutletKind)
        {
            AddAnyOf(root, ArticleFields.OutletKind, query.OutletKinds.Select(ArticleFields.NormaliseLanguage));
        }

        if (without != FacetFilter.OutletGroup)
        {
            AddAnyOf(root, ArticleFields.OutletGroup, query.OutletGroups.Select(ArticleFields.NormaliseKeyword));
        }

        var (start, end) = query.InstantRange();
        if (start is not null || end is not null)
        {
            var range = NumericRangeQuery.NewInt64Range(
                DateField(query.DateBasis),
                start?.ToUnixTimeMilliseconds(),
                end?.ToUnixTimeMilliseconds(),
                minInclusive: true,
                maxInclusive: false);
            root.Add(new ConstantScoreQuery(range), Occur.MUST);
        }

        if (query.MinTension is not null || query.MaxTension is not null)
        {
            var range = NumericRangeQuery.NewDoubleRange(
                ArticleFields.Tension, query.MinTension, query.MaxTension, minInclusive: true, maxInclusive: true);
            root.Add(new ConstantScoreQuery(range), Occur.MUST);
        }

        if (query.StoryId is { Value: not null } story)
        {
            var ofStory = new BooleanQuery
            {
                { new TermQuery(new Term(ArticleFields.Id, story.Value)), Occur.SHOULD },
                { new TermQuery(new Term(ArticleFields.Story, story.Value)), Occur.SHOULD },
            };
            root.Add(new ConstantScoreQuery(ofStory), Occur.MUST);
        }

        // Without text, the filters alone: a conjunction with "every document" would walk all of them to find the few.
        if (root.Clauses.Count == 0)
        {
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return root;
    }

    /// <summary>The keyword field countries are filtered and counted on.</summary>
    public static string CountryField(CountryMode mode) =>
        mode == CountryMode.About ? ArticleFields.AboutCountry : ArticleFields.Country;

    /// <summary>The numeric field (Unix milliseconds) dates are filtered, sorted and bucketed on.</summary>
    public static string DateField(DateBasis basis) =>
        basis == DateBasis.Ingested ? ArticleFields.Ingested : ArticleFields.Published;

    // Lucene 4.8 has no FILTER clause: a constant-score MUST restricts without changing the ranking.
    private static void AddAnyOf(BooleanQuery root, string field, IEnumerable<string> values)
    {
        var anyOf = new BooleanQuery();
        foreach (var value in values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal))
        {
            anyOf.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        if (anyOf.Clauses.Count > 0)
        {
            root.Add(new ConstantScoreQuery(anyOf), Occur.MUST);
        }
    }

    // "-kosovo" alone would match nothing in Lucene; an analyst means "everything except".
    private static Query MatchAllWhenOnlyExclusions(Query parsed)
    {
        if (parsed is BooleanQuery { Clauses.Count: > 0 } boolean
            && boolean.Clauses.All(clause => clause.Occur == Occur.MUST_NOT))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return parsed;
    }
}

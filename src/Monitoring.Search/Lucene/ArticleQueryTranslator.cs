using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>Turns an <see cref="ArticleQuery"/> into a Lucene query: parsed text plus constant-score filters.</summary>
internal sealed class ArticleQueryTranslator(Analyzer analyzer)
{
    private static readonly float TitleBoost = 2f;

    private static readonly string[] TextFields = [ArticleFields.Title, ArticleFields.Body];

    private static readonly Dictionary<string, float> Boosts = new(StringComparer.Ordinal)
    {
        [ArticleFields.Title] = TitleBoost,
        [ArticleFields.Body] = 1f,
    };

    /// <summary>The parsed free text, or null when there is none.</summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    public Query? ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The parser keeps state, so each query gets its own.
        var parser = new MultiFieldQueryParser(ArticleAnalyzers.Version, TextFields, analyzer, Boosts)
        {
            DefaultOperator = Operator.AND,
        };

        Query parsed;
        try
        {
            parsed = parser.Parse(text);
        }
        catch (ParseException exception)
        {
            throw new InvalidQueryException(DescribeSyntaxError(text), text, exception);
        }

        return MatchAllWhenOnlyExclusions(parsed);
    }

    /// <summary>The whole query: text (or everything) restricted by the filters, which do not affect scores.</summary>
    public static Query Build(ArticleQuery query, Query? text)
    {
        ArgumentNullException.ThrowIfNull(query);

        var root = new BooleanQuery
        {
            { text ?? new MatchAllDocsQuery(), Occur.MUST },
        };

        AddAnyOf(root, ArticleFields.Country, query.Countries.Select(ArticleFields.NormaliseCountry));
        AddAnyOf(root, ArticleFields.Topic, query.Topics.Select(ArticleFields.NormaliseKeyword));
        AddAnyOf(root, ArticleFields.Source, query.Sources.Select(ArticleFields.NormaliseKeyword));
        AddAnyOf(root, ArticleFields.Language, query.Languages.Select(ArticleFields.NormaliseLanguage));

        if (query.From is not null || query.To is not null)
        {
            var range = NumericRangeQuery.NewInt64Range(
                ArticleFields.Date, query.From?.DayNumber, query.To?.DayNumber, minInclusive: true, maxInclusive: true);
            root.Add(new ConstantScoreQuery(range), Occur.MUST);
        }

        return root;
    }

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

    private static string DescribeSyntaxError(string text)
    {
        const string Help = "Combine words with AND, OR, NOT (or -word), \"exact phrases\", ( ) groups and a trailing *.";
        var reason =
            text.Count(c => c == '"') % 2 != 0 ? "a quotation mark is not closed"
            : text.Count(c => c == '(') != text.Count(c => c == ')') ? "the parentheses do not pair up"
            : StartsWithWildcard(text) ? "a word cannot start with * or ?"
            : "an operator or symbol is out of place";
        return $"The search \"{text}\" cannot be understood: {reason}. {Help}";
    }

    private static bool StartsWithWildcard(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.TrimStart('(', '-', '+').StartsWith('*') || word.TrimStart('(', '-', '+').StartsWith('?'));
}

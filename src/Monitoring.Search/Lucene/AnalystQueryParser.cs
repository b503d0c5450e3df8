using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene.Analysis;

namespace Monitoring.Search.Lucene;

/// <summary>
/// The classic Lucene syntax over title (boosted) and body, with the analyst field names mapped onto
/// index fields: text fields are analysed, tag fields matched exactly after normalising case. Unknown
/// field names are refused rather than silently matching nothing.
/// </summary>
internal sealed class AnalystQueryParser : MultiFieldQueryParser
{
    private static readonly string[] TextFields = [ArticleFields.Title, ArticleFields.Body];

    private static readonly Dictionary<string, float> Boosts = new(StringComparer.Ordinal)
    {
        [ArticleFields.Title] = 2f,
        [ArticleFields.Body] = 1f,
    };

    /// <summary>What analysts type before the colon → index field and how its values are normalised.</summary>
    private static readonly Dictionary<string, (string Field, Func<string, string>? Keyword)> AnalystFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = (ArticleFields.Title, null),
        ["body"] = (ArticleFields.Body, null),
        ["person"] = (ArticleFields.PersonText, null),
        ["country"] = (ArticleFields.Country, ArticleFields.NormaliseCountry),
        ["about"] = (ArticleFields.AboutCountry, ArticleFields.NormaliseCountry),
        ["topic"] = (ArticleFields.Topic, value => value.Trim().ToLowerInvariant()),
        ["source"] = (ArticleFields.SourceKey, ArticleFields.NormaliseSourceKey),
        ["language"] = (ArticleFields.Language, ArticleFields.NormaliseLanguage),
    };

    private readonly NameExpander? _names;
    private readonly List<NameExpansion> _expansions = [];
    private bool _expanding;

    /// <param name="names">Other names of typed places, countries and people to search as well; null for none.</param>
    public AnalystQueryParser(Analyzer analyzer, NameExpander? names = null)
        : base(ArticleAnalyzers.Version, TextFields, analyzer, Boosts)
    {
        DefaultOperator = Operator.AND;
        LowercaseExpandedTerms = false;
        _names = names;
    }

    /// <summary>The field names analysts may type, for messages and docs.</summary>
    public static IReadOnlyCollection<string> FieldNames => AnalystFields.Keys;

    /// <summary>The names the last parse searched besides the typed ones, in the order typed.</summary>
    public IReadOnlyList<NameExpansion> Expansions => _expansions;

    // Another name of several words is searched as a phrase, whether or not the typed one was quoted.
    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        WithOtherNames(field, queryText, expand: true, text => field is null
            ? base.GetFieldQuery(field, text, quoted: quoted || text != queryText)
            : Fielded(field, text, target => base.GetFieldQuery(target, text, quoted: quoted || text != queryText)));

    // A phrase with a slop ("Serbia claim"~2) asks for words near each other, not for a name: never expanded.
    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        WithOtherNames(field, queryText, expand: slop == 0, text => field is null
            ? base.GetFieldQuery(field, text, slop)
            : Fielded(field, text, target => base.GetFieldQuery(target, text, slop)));

    /// <summary>
    /// The query for <paramref name="queryText"/>, or that query OR-ed with the other names of the place, country
    /// or person it names (a word or a quoted phrase that is a whole name; never a prefix or wildcard, which do
    /// not come here). Tag fields are never expanded. The base parser may call back into these overloads for
    /// each text field; only the outermost call expands.
    /// </summary>
    private Query WithOtherNames(string? field, string queryText, bool expand, Func<string, Query?> parse)
    {
        if (_expanding)
        {
            return parse(queryText)!;
        }

        _expanding = true;
        try
        {
            var query = parse(queryText);
            if (!expand || _names is null || query is null || !IsTextField(field))
            {
                return query!;
            }

            var alternatives = _names.AlternativesOf(queryText);
            var any = new BooleanQuery(disableCoord: true) { { query, Occur.SHOULD } };
            var added = new List<string>();
            foreach (var name in alternatives)
            {
                if (parse(name) is { } other)
                {
                    any.Add(other, Occur.SHOULD);
                    added.Add(name);
                }
            }

            if (added.Count == 0)
            {
                return query;
            }

            _expansions.Add(new NameExpansion(queryText, added));
            return any;
        }
        finally
        {
            _expanding = false;
        }
    }

    private static bool IsTextField(string? field) =>
        field is null || (AnalystFields.TryGetValue(field, out var target) && target.Keyword is null);

    protected override Query GetPrefixQuery(string field, string termStr)
    {
        if (field is null)
        {
            // Expanded by the base class into one call per text field, which comes back here.
            return base.GetPrefixQuery(field, termStr);
        }

        var (target, keyword) = Resolve(field, termStr);
        if (keyword is not null)
        {
            return new PrefixQuery(new Term(target, keyword(termStr)));
        }

        var forms = ArticleTextAnalyzer.PrefixForms(termStr);
        var anyForm = new BooleanQuery();
        foreach (var form in forms)
        {
            anyForm.Add(new PrefixQuery(new Term(target, form)), Occur.SHOULD);
        }

        return anyForm;
    }

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        if (field is null)
        {
            return base.GetWildcardQuery(field, termStr);
        }

        var (target, keyword) = Resolve(field, termStr);
        return base.GetWildcardQuery(target, keyword is null ? termStr.ToLowerInvariant() : keyword(termStr));
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
    {
        if (field is null)
        {
            return base.GetFuzzyQuery(field, termStr, minSimilarity);
        }

        var (target, keyword) = Resolve(field, termStr);
        return base.GetFuzzyQuery(target, keyword is null ? termStr.ToLowerInvariant() : keyword(termStr), minSimilarity);
    }

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field is null)
        {
            return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        var (target, keyword) = Resolve(field, part1);
        return keyword is null
            ? base.GetRangeQuery(target, part1, part2, startInclusive, endInclusive)
            : TermRangeQuery.NewStringRange(target, keyword(part1), keyword(part2), startInclusive, endInclusive);
    }

    /// <summary>A tag field matches its normalised value exactly; a text field is analysed by <paramref name="analysed"/>.</summary>
    private static Query Fielded(string field, string queryText, Func<string, Query> analysed)
    {
        var (target, keyword) = Resolve(field, queryText);
        return keyword is null ? analysed(target) : new TermQuery(new Term(target, keyword(queryText)));
    }

    private static (string Field, Func<string, string>? Keyword) Resolve(string field, string value) =>
        AnalystFields.TryGetValue(field, out var target)
            ? target
            : throw new UnknownFieldException(field, value);
}

/// <summary>A field name before a colon that the syntax does not know.</summary>
internal sealed class UnknownFieldException(string field, string value)
    : Exception($"Unknown field '{field}:'.")
{
    public string Field { get; } = field;

    public string Value { get; } = value;
}

using System.Globalization;
using Lucene.Net.Search;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Es = Elastic.Clients.Elasticsearch;
using EsQuery = Elastic.Clients.Elasticsearch.QueryDsl.Query;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Translates the query tree that the Lucene engine's parser builds from analyst text (already analysed:
/// its terms are index terms) into the Elasticsearch query that matches the same articles. Both engines
/// thus share one parser, one analysis of the typed words and one set of error messages; Elasticsearch
/// receives exact terms, phrases with their positions, prefixes and boolean structure, never query text
/// to interpret its own way.
/// </summary>
internal static class ParsedQueryTranslator
{
    /// <summary>
    /// The analyst text of <paramref name="query"/> parsed exactly as the Lucene engine parses it (same parser,
    /// analysis, other names and error messages), then translated (null when there is no text), with the other
    /// names it searched.
    /// </summary>
    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    public static (EsQuery? Query, IReadOnlyList<NameExpansion> Expansions) ParseAndTranslate(Lucene.ArticleQueryTranslator parser, ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(query);
        var (parsed, expansions) = parser.Parse(query.Text, query.ExpandNames);
        return (parsed is null ? null : Translate(parsed), expansions);
    }

    /// <exception cref="NotSupportedException">The tree holds a query type the analyst parser never builds.</exception>
    public static EsQuery Translate(LuceneQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        float? boost = query.Boost == 1f ? null : query.Boost;
        return query switch
        {
            BooleanQuery boolean => Boolean(boolean, boost),
            TermQuery term => new Es.QueryDsl.TermQuery(term.Term.Field, term.Term.Text) { Boost = boost },
            PhraseQuery phrase => Phrase(phrase, boost),
            PrefixQuery prefix => new Es.QueryDsl.PrefixQuery(prefix.Prefix.Field, prefix.Prefix.Text) { Boost = boost },
            WildcardQuery wildcard => new Es.QueryDsl.WildcardQuery(wildcard.Term.Field) { Value = wildcard.Term.Text, Boost = boost },
            FuzzyQuery fuzzy => new Es.QueryDsl.FuzzyQuery(fuzzy.Term.Field, fuzzy.Term.Text)
            {
                Fuzziness = new Es.Fuzziness(fuzzy.MaxEdits.ToString(CultureInfo.InvariantCulture)),
                PrefixLength = fuzzy.PrefixLength,
                Transpositions = fuzzy.Transpositions,
                Boost = boost,
            },
            TermRangeQuery range => new Es.QueryDsl.TermRangeQuery(range.Field)
            {
                Gte = range.IncludesLower ? range.LowerTerm?.Utf8ToString() : null,
                Gt = range.IncludesLower ? null : range.LowerTerm?.Utf8ToString(),
                Lte = range.IncludesUpper ? range.UpperTerm?.Utf8ToString() : null,
                Lt = range.IncludesUpper ? null : range.UpperTerm?.Utf8ToString(),
                Boost = boost,
            },
            DisjunctionMaxQuery disjunction => new Es.QueryDsl.DisMaxQuery
            {
                Queries = [.. disjunction.Disjuncts.Select(Translate)],
                TieBreaker = disjunction.TieBreakerMultiplier,
                Boost = boost,
            },
            MatchAllDocsQuery => new Es.QueryDsl.MatchAllQuery { Boost = boost },
            _ => throw new NotSupportedException($"The parsed query holds a {query.GetType().Name}, which has no Elasticsearch translation."),
        };
    }

    // Lucene: SHOULD clauses are optional beside a MUST and at least one is required otherwise; a query of
    // MUST_NOT clauses alone matches nothing (the top level gets match_all from the parser's caller).
    private static EsQuery Boolean(BooleanQuery boolean, float? boost)
    {
        var must = new List<EsQuery>();
        var should = new List<EsQuery>();
        var mustNot = new List<EsQuery>();
        foreach (var clause in boolean.Clauses)
        {
            var target = clause.Occur switch
            {
                Occur.MUST => must,
                Occur.SHOULD => should,
                _ => mustNot,
            };
            target.Add(Translate(clause.Query));
        }

        if (must.Count == 0 && should.Count == 0)
        {
            return new Es.QueryDsl.MatchNoneQuery();
        }

        return new Es.QueryDsl.BoolQuery
        {
            Must = must.Count > 0 ? must : null,
            Should = should.Count > 0 ? should : null,
            MustNot = mustNot.Count > 0 ? mustNot : null,
            MinimumShouldMatch = must.Count == 0 && should.Count > 0 ? 1 : null,
            Boost = boost,
        };
    }

    /// <summary>
    /// The phrase's own terms at their own positions (a removed stop word leaves a gap), read by the
    /// whitespace analyser, with the same slop: Elasticsearch builds the very same phrase query.
    /// </summary>
    private static Es.QueryDsl.MatchPhraseQuery Phrase(PhraseQuery phrase, float? boost)
    {
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        var words = new List<string>();
        for (var i = 0; i < terms.Length; i++)
        {
            if (i > 0)
            {
                for (var gap = positions[i - 1] + 1; gap < positions[i]; gap++)
                {
                    words.Add(ArticleIndexDefinition.PositionGap);
                }
            }

            words.Add(terms[i].Text);
        }

        return new Es.QueryDsl.MatchPhraseQuery(terms.Length > 0 ? terms[0].Field : ArticleIndexDefinition.Body, string.Join(' ', words))
        {
            Analyzer = ArticleIndexDefinition.AnalysedTermsAnalyzer,
            Slop = phrase.Slop == 0 ? null : phrase.Slop,
            Boost = boost,
        };
    }
}

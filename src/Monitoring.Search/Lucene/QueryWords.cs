using Lucene.Net.Search;

namespace Monitoring.Search.Lucene;

/// <summary>The analysed words a parsed query looks for in title or body (not those it excludes).</summary>
internal static class QueryWords
{
    public static IReadOnlySet<string> Of(Query? query)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (query is not null)
        {
            Collect(query, words);
        }

        return words;
    }

    private static void Collect(Query query, HashSet<string> words)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(clause => clause.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query, words);
                }

                break;
            case DisjunctionMaxQuery disjunction:
                foreach (var disjunct in disjunction.Disjuncts)
                {
                    Collect(disjunct, words);
                }

                break;
            case TermQuery term when IsText(term.Term.Field):
                words.Add(term.Term.Text);
                break;
            case PhraseQuery phrase:
                words.UnionWith(phrase.GetTerms().Where(term => IsText(term.Field)).Select(term => term.Text));
                break;
        }
    }

    private static bool IsText(string field) => field is ArticleFields.Title or ArticleFields.Body;
}

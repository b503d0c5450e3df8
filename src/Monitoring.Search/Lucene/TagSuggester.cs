using Lucene.Net.Index;
using Lucene.Net.Search;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene.Analysis;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Search-as-you-type over the tag vocabulary: walks the terms of the person, topic and country-label
/// fields, keeps those with a word starting with the folded prefix, and counts the live articles of the
/// best candidates exactly (term statistics still count replaced documents until segments merge).
/// </summary>
internal static class TagSuggester
{
    private static readonly char[] WordBreaks = [' ', '-', '.', ',', '\'', '(', ')', '/', ArticleFields.LabelSeparator];

    public static IReadOnlyList<Suggestion> Suggest(IndexSearcher searcher, string prefix, int take)
    {
        var folded = ArticleTextAnalyzer.Fold(prefix.Trim());
        if (folded.Length == 0 || take <= 0)
        {
            return [];
        }

        var candidates = new List<(Suggestion Suggestion, string CountField, string CountValue, int DocFrequency)>();
        foreach (var (value, frequency) in Terms(searcher.IndexReader, ArticleFields.Person))
        {
            if (AnyWordStartsWith(value, folded))
            {
                candidates.Add((new Suggestion(SuggestionKind.Person, value, value, 0), ArticleFields.Person, value, frequency));
            }
        }

        foreach (var (value, frequency) in Terms(searcher.IndexReader, ArticleFields.Topic))
        {
            if (AnyWordStartsWith(value, folded))
            {
                candidates.Add((new Suggestion(SuggestionKind.Topic, value, value, 0), ArticleFields.Topic, value, frequency));
            }
        }

        foreach (var (label, frequency) in Terms(searcher.IndexReader, ArticleFields.CountryLabel))
        {
            if (AnyWordStartsWith(label, folded))
            {
                var separator = label.LastIndexOf(ArticleFields.LabelSeparator);
                var code = label[(separator + 1)..];
                candidates.Add((new Suggestion(SuggestionKind.Country, code, label[..Math.Max(0, separator)], 0), ArticleFields.Country, code, frequency));
            }
        }

        // The same country may be labelled with several names; it is suggested once.
        return [.. candidates
            .OrderByDescending(candidate => candidate.DocFrequency)
            .Take(take * 4)
            .Select(candidate => candidate.Suggestion with { Count = Count(searcher, candidate.CountField, candidate.CountValue) })
            .Where(suggestion => suggestion.Count > 0)
            .DistinctBy(suggestion => (suggestion.Kind, suggestion.Value))
            .OrderByDescending(suggestion => suggestion.Count)
            .ThenBy(suggestion => suggestion.Value, StringComparer.Ordinal)
            .Take(take)];
    }

    private static IEnumerable<(string Value, int DocFrequency)> Terms(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            yield break;
        }

        var enumerator = terms.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return (enumerator.Term.Utf8ToString(), enumerator.DocFreq);
        }
    }

    /// <summary>Whether a word of the folded value starts with the folded prefix (shared with the Elasticsearch engine).</summary>
    internal static bool AnyWordStartsWith(string value, string foldedPrefix) =>
        ArticleTextAnalyzer.Fold(value)
            .Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.StartsWith(foldedPrefix, StringComparison.Ordinal));

    private static long Count(IndexSearcher searcher, string field, string value)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(field, value)), counter);
        return counter.TotalHits;
    }
}

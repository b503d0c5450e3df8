using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Significant terms computed as Elasticsearch computes them on one shard, so that both engines agree:
/// people and countries counted over every match (the facet counting), words counted in the best-ranked
/// <see cref="SignificantTermsQuery.SampleSize"/> matches by analysing their body again (as <c>significant_text</c>
/// under a <c>sampler</c> does), each against its document frequency in the whole index (deleted documents
/// included, as Elasticsearch's background is), scored by <see cref="SignificanceScore.Jlh"/>. The pass over the
/// matches is the search's own when the same query was just searched (<see cref="RecentMatches"/>).
/// </summary>
internal sealed class SignificantTermsFinder(Analyzer analyzer)
{
    /// <summary>
    /// One pass over the matches of <paramref name="filtered"/> for what significant terms needs: used when no
    /// search of the same query on the same index version has counted it (<see cref="RecentMatches"/>).
    /// </summary>
    /// <param name="scored">Whether matches score differently (the query has text).</param>
    public static MatchSummary Summarise(SlicedSearcher searcher, Query filtered, string countryField, bool scored)
    {
        var slices = new (FacetCollector Facets, TotalHitCountCollector Total, SampleCollector Sample)[searcher.SliceCount];
        searcher.SearchSlices(filtered, slice =>
        {
            slices[slice] = (new FacetCollector([ArticleFields.Person, countryField]), new TotalHitCountCollector(), new SampleCollector(scored));
            return MultiCollector.Wrap(slices[slice].Facets, slices[slice].Total, slices[slice].Sample);
        });

        var facets = FacetCollector.Merge([.. slices.Select(slice => slice.Facets)]);
        return new MatchSummary(
            slices.Sum(slice => (long)slice.Total.TotalHits),
            countryField,
            facets.All(ArticleFields.Person),
            facets.All(countryField),
            SampleCollector.Merge(slices.Select(slice => slice.Sample)));
    }

    public SignificantTerms Find(SlicedSearcher searcher, SignificantTermsQuery query, MatchSummary summary, Query? text, Func<int, string> body)
    {
        var filter = query.Filter;
        var matches = summary.Matches;
        var reader = searcher.IndexReader;
        long indexed = reader.MaxDoc;
        if (matches == 0)
        {
            return SignificantTerms.Empty with { Indexed = indexed };
        }

        var (words, sampled) = CountWords(summary.Sample, body, Math.Max(1, searcher.SliceCount));

        var people = Keywords(reader, ArticleFields.Person, summary.People, filter.People.Select(ArticleFields.NormaliseKeyword), matches, indexed, query.Take);
        var countries = Keywords(reader, summary.CountryField, summary.Countries, filter.Countries.Select(ArticleFields.NormaliseCountry), matches, indexed, query.Take);
        var queryWords = QueryWords.Of(text);
        var candidates = words.Where(word => word.Value.Documents >= SignificantTermsQuery.MinimumMatches && SignificantTermsQuery.IsWord(word.Key) && !queryWords.Contains(word.Key)).ToList();
        var inIndex = BackgroundCounts.OfWords(reader, ArticleFields.Body, [.. candidates.Select(word => word.Key)], searcher.SliceCount);
        var significantWords = SignificanceScore.Rank(
            candidates.Select(word => new SignificantTerm(
                word.Key, word.Value.Documents, inIndex[word.Key], SignificanceScore.Jlh(word.Value.Documents, sampled, inIndex[word.Key], indexed))
            {
                Label = word.Value.Label,
            }),
            query.Take);
        return new SignificantTerms(matches, sampled, indexed, significantWords, people, countries);
    }

    private static IReadOnlyList<SignificantTerm> Keywords(
        IndexReader reader, string field, IReadOnlyDictionary<string, long> counts, IEnumerable<string> filtered, long matches, long indexed, int take)
    {
        var excluded = filtered.ToHashSet(StringComparer.Ordinal);
        var candidates = counts.Where(pair => pair.Value >= SignificantTermsQuery.MinimumMatches && !excluded.Contains(pair.Key)).ToList();
        var inIndex = BackgroundCounts.OfKeywords(reader, field, [.. candidates.Select(pair => pair.Key)]);
        return SignificanceScore.Rank(
            candidates.Select(pair => new SignificantTerm(pair.Key, pair.Value, inIndex[pair.Key], SignificanceScore.Jlh(pair.Value, matches, inIndex[pair.Key], indexed))),
            take);
    }

    /// <summary>Per analysed word of the sample's bodies: how many sampled documents hold it, and its most written form.</summary>
    /// <remarks>
    /// A text carried word for word by several outlets (wire copies) counts once, and the sample is that many texts
    /// smaller: otherwise every word of one story copied three times would stand out.
    /// </remarks>
    private (Dictionary<string, WordCount> Words, int Sampled) CountWords(ScoreDoc[] sample, Func<int, string> body, int cores)
    {
        var bodies = new string[sample.Length];
        Parallel.For(0, sample.Length, new ParallelOptions { MaxDegreeOfParallelism = cores }, i => bodies[i] = body(sample[i].Doc));
        var distinct = bodies.Distinct(StringComparer.Ordinal).ToList();
        return (CountWords(analyzer, distinct, cores), distinct.Count);
    }

    /// <summary>Per analysed word of <paramref name="bodies"/>: how many hold it, and the form most of them wrote it in first.</summary>
    public static Dictionary<string, WordCount> CountWords(Analyzer analyzer, IReadOnlyList<string> bodies, int cores)
    {
        var perDocument = new Dictionary<string, string>[bodies.Count];
        Parallel.For(0, bodies.Count, new ParallelOptions { MaxDegreeOfParallelism = cores }, i => perDocument[i] = Words(analyzer, bodies[i]));

        var counts = new Dictionary<string, WordCount>(StringComparer.Ordinal);
        foreach (var words in perDocument)
        {
            foreach (var (word, form) in words)
            {
                if (!counts.TryGetValue(word, out var count))
                {
                    counts[word] = count = new WordCount();
                }

                count.Add(form);
            }
        }

        return counts;
    }

    /// <summary>The distinct analysed words of a text, each with the first form it was written in.</summary>
    private static Dictionary<string, string> Words(Analyzer analyzer, string text)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(ArticleFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (!words.ContainsKey(word))
            {
                words[word] = text[offsets.StartOffset..offsets.EndOffset];
            }
        }

        stream.End();
        return words;
    }

    internal sealed class WordCount
    {
        private readonly Dictionary<string, int> _forms = new(StringComparer.Ordinal);

        public long Documents { get; private set; }

        /// <summary>The form most documents wrote first, ties ordinal (so a capitalised name before its lower case).</summary>
        public string Label => _forms
            .OrderByDescending(form => form.Value)
            .ThenBy(form => form.Key, StringComparer.Ordinal)
            .First().Key;

        public void Add(string form)
        {
            Documents++;
            _forms[form] = _forms.GetValueOrDefault(form) + 1;
        }
    }
}

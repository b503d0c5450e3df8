using Lucene.Net.Index;
using Lucene.Net.Search;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// One slice's share of the sample significant terms reads words from: its <see cref="SignificantTermsQuery.SampleSize"/>
/// best-ranked matches, ties by document (as <see cref="TopScoreDocCollector"/> ranks them). Without text every
/// match scores the same, so the best are the first in index order: those are kept without scoring or ranking the
/// rest, which a filter-only search over hundreds of thousands of matches would otherwise pay for every match.
/// </summary>
internal sealed class SampleCollector : ICollector
{
    private const int Size = SignificantTermsQuery.SampleSize;

    private readonly TopScoreDocCollector? _byScore;
    private readonly List<ScoreDoc> _first = new(Size);
    private int _last = -1;
    private int _docBase;
    private Scorer? _scorer;

    /// <param name="scored">Whether matches score differently (the query has text).</param>
    public SampleCollector(bool scored)
    {
        _byScore = scored ? TopScoreDocCollector.Create(Size, docsScoredInOrder: false) : null;
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        _byScore?.SetScorer(scorer);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _byScore?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_byScore is not null)
        {
            _byScore.Collect(doc);
            return;
        }

        var global = _docBase + doc;
        if (_first.Count == Size && global >= _first[_last].Doc)
        {
            return;
        }

        // Matches usually come in index order; one that comes early replaces the last kept.
        var hit = new ScoreDoc(global, _scorer!.GetScore());
        if (_first.Count == Size)
        {
            _first[_last] = hit;
        }
        else
        {
            _first.Add(hit);
        }

        _last = 0;
        for (var i = 1; i < _first.Count; i++)
        {
            if (_first[i].Doc > _first[_last].Doc)
            {
                _last = i;
            }
        }
    }

    /// <summary>The slice's sample, best first.</summary>
    public TopDocs TopDocs()
    {
        if (_byScore is not null)
        {
            return _byScore.GetTopDocs();
        }

        var hits = _first.OrderBy(hit => hit.Doc).ToArray();
        return new TopDocs(hits.Length, hits, hits.Length == 0 ? float.NaN : hits.Max(hit => hit.Score));
    }

    /// <summary>The sample of a search made in slices, from each slice's collector.</summary>
    public static ScoreDoc[] Merge(IEnumerable<SampleCollector> slices) =>
        global::Lucene.Net.Search.TopDocs.Merge(sort: null, Size, [.. slices.Select(slice => slice.TopDocs())]).ScoreDocs;
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Counts the distinct stories and sources of every matching document. A story is
/// <see cref="ArticleFields.Story"/> when the document has one, else the document's own id.
/// </summary>
/// <remarks>
/// The story field is indexed without doc values (adding them would bump the schema and empty every
/// index), so each segment's story terms are walked once after collection and kept when one of their
/// documents matched. Matching documents without a story term are each their own story: they are counted,
/// not named, and only the (few) story terms are looked up among their ids, so that a story whose first
/// article and later articles both match counts once. Naming every such document cost a string per match
/// (70% of a 70,000-match search's time; docs/performance.md).
/// Sources are counted only when asked (<paramref name="countSources"/>): when the search counts the source facet
/// anyway, its values are the distinct sources.
/// </remarks>
internal sealed class DistinctCountCollector(bool countSources) : ICollector
{
    private readonly HashSet<string> _stories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private readonly List<(AtomicReader Reader, FixedBitSet Own)> _ownStories = [];
    private AtomicReader? _reader;
    private FixedBitSet? _matched;
    private SegmentOrdinals? _segmentSources;
    private FixedBitSet? _matchedSources;
    private long? _storyCount;

    public bool AcceptsDocsOutOfOrder => true;

    public long Stories
    {
        get
        {
            FlushSegment();
            return _storyCount ??= CountStories();
        }
    }

    /// <summary>The distinct sources of the matches; only for a collector that counts them.</summary>
    public long Sources
    {
        get
        {
            FlushSegment();
            return _sources.Count;
        }
    }

    /// <summary>Takes in what <paramref name="other"/> collected (another slice of segments of the same search).</summary>
    public void Add(DistinctCountCollector other)
    {
        FlushSegment();
        other.FlushSegment();
        _stories.UnionWith(other._stories);
        _sources.UnionWith(other._sources);
        _ownStories.AddRange(other._ownStories);
        _storyCount = null;
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _reader = context.AtomicReader;
        _matched = new FixedBitSet(_reader.MaxDoc);
        _segmentSources = countSources ? SegmentOrdinals.For(_reader, ArticleFields.Source) : null;
        _matchedSources = _segmentSources is null ? null : new FixedBitSet(_segmentSources.ValueCount);
    }

    public void Collect(int doc)
    {
        _matched!.Set(doc);
        if (_segmentSources is { } values)
        {
            foreach (var ord in values.Of(doc))
            {
                _matchedSources!.Set(ord);
            }
        }
    }

    /// <summary>The named stories, plus the matching documents without a story term that are not the first article of one of them.</summary>
    private long CountStories()
    {
        long count = _stories.Count;
        foreach (var (reader, own) in _ownStories)
        {
            count += own.Cardinality;
            var ids = reader.GetTerms(ArticleFields.Id)?.GetEnumerator();
            if (ids is null)
            {
                continue;
            }

            DocsEnum? docs = null;
            foreach (var story in _stories)
            {
                if (!ids.SeekExact(new BytesRef(story)))
                {
                    continue;
                }

                docs = ids.Docs(reader.LiveDocs, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (own.Get(doc))
                    {
                        count--;
                    }
                }
            }
        }

        return count;
    }

    private void FlushSegment()
    {
        if (_reader is not { } reader || _matched is not { } matched)
        {
            return;
        }

        _reader = null;
        _matched = null;
        if (matched.Cardinality == 0)
        {
            return;
        }

        if (_matchedSources is { } ordinals && _segmentSources is { } sourceValues)
        {
            for (var ord = ordinals.NextSetBit(0); ord >= 0; ord = ord + 1 < ordinals.Length ? ordinals.NextSetBit(ord + 1) : -1)
            {
                _sources.Add(sourceValues.Term(ord));
            }
        }

        var ownStory = (FixedBitSet)matched.Clone();
        var terms = reader.GetTerms(ArticleFields.Story);
        if (terms is not null)
        {
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                docs = termsEnum.Docs(null, docs, DocsFlags.NONE);
                var counted = false;
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (matched.Get(doc))
                    {
                        ownStory.Clear(doc);
                        if (!counted)
                        {
                            _stories.Add(termsEnum.Term.Utf8ToString());
                            counted = true;
                        }
                    }
                }
            }
        }

        _ownStories.Add((reader, ownStory));
    }
}

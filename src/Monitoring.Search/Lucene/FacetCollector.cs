using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Counts the keyword values of every matching document (Lucene.Net.Facet is not available).
/// Counting is per segment by ordinal (from <see cref="SegmentOrdinals"/>); ordinals become strings only once per
/// segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] _fields;
    private readonly Dictionary<string, long>[] _totals;
    private readonly SegmentOrdinals?[] _segmentOrdinals;
    private readonly int[]?[] _segmentCounts;

    // The fields the current segment has, with their arrays at hand: Collect runs once per match.
    private Counting[] _counting = [];

    public FacetCollector(IReadOnlyList<string> fields)
    {
        _fields = [.. fields];
        _totals = [.. _fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        _segmentOrdinals = new SegmentOrdinals?[_fields.Length];
        _segmentCounts = new int[]?[_fields.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < _fields.Length; i++)
        {
            var ordinals = SegmentOrdinals.For(context.AtomicReader, _fields[i]);
            _segmentOrdinals[i] = ordinals;
            _segmentCounts[i] = ordinals is null ? null : new int[ordinals.ValueCount];
        }

        _counting = [.. Enumerable.Range(0, _fields.Length)
            .Where(i => _segmentOrdinals[i] is not null)
            .Select(i => new Counting(_segmentOrdinals[i]!, _segmentCounts[i]!))];
    }

    public void Collect(int doc)
    {
        foreach (var field in _counting)
        {
            var counts = field.Counts;
            if (field.Single is { } single)
            {
                var ord = single[doc];
                if (ord >= 0)
                {
                    counts[ord]++;
                }

                continue;
            }

            var ordinals = field.Ordinals;
            for (int at = field.Starts[doc], end = field.Starts[doc + 1]; at < end; at++)
            {
                counts[ordinals[at]]++;
            }
        }
    }

    /// <summary>
    /// Counts every live document of <paramref name="reader"/>, as a search for everything would, without searching:
    /// a segment without deletions adds its cached totals.
    /// </summary>
    public void CollectAll(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.HasDeletions)
            {
                SetNextReader(leaf);
                var live = segment.LiveDocs;
                for (var doc = 0; doc < segment.MaxDoc; doc++)
                {
                    if (live.Get(doc))
                    {
                        Collect(doc);
                    }
                }

                continue;
            }

            FlushSegment();
            for (var i = 0; i < _fields.Length; i++)
            {
                if (SegmentOrdinals.For(segment, _fields[i]) is { } ordinals)
                {
                    _segmentOrdinals[i] = ordinals;
                    _segmentCounts[i] = (int[])ordinals.CountsOverAllDocuments().Clone();
                }
            }
        }
    }

    /// <summary>Adds what <paramref name="other"/> counted (another slice of the same search) to this collector's counts.</summary>
    public void Add(FacetCollector other)
    {
        FlushSegment();
        other.FlushSegment();
        for (var i = 0; i < _fields.Length; i++)
        {
            var totals = _totals[i];
            foreach (var (value, count) in other._totals[Array.IndexOf(other._fields, _fields[i])])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(totals, value, out _) += count;
            }
        }
    }

    /// <summary>Counts <paramref name="fields"/> over the matches of <paramref name="query"/>, a slice per core.</summary>
    public static FacetCollector Count(SlicedSearcher searcher, Query query, IReadOnlyList<string> fields)
    {
        var slices = new FacetCollector[searcher.SliceCount];
        searcher.SearchSlices(query, slice => slices[slice] = new FacetCollector(fields));
        return Merge(slices);
    }

    /// <summary>The first collector, holding the counts of all of them.</summary>
    public static FacetCollector Merge(IReadOnlyList<FacetCollector> slices)
    {
        foreach (var slice in slices.Skip(1))
        {
            slices[0].Add(slice);
        }

        return slices[0];
    }

    /// <summary>How many distinct values of <paramref name="field"/> the matches have; call after the search.</summary>
    public int ValueCount(string field)
    {
        FlushSegment();
        return _totals[Array.IndexOf(_fields, field)].Count;
    }

    /// <summary>Every value of <paramref name="field"/> the matches have, with its count; call after the search.</summary>
    public IReadOnlyDictionary<string, long> All(string field)
    {
        FlushSegment();
        return _totals[Array.IndexOf(_fields, field)];
    }

    /// <summary>The highest counts of <paramref name="field"/>, ties by value; call after the search.</summary>
    public IReadOnlyList<FacetCount> Top(string field, int limit)
    {
        FlushSegment();
        var totals = _totals[Array.IndexOf(_fields, field)];
        return [.. totals
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(pair => new FacetCount(pair.Key, pair.Value))];
    }

    private void FlushSegment()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            var counts = _segmentCounts[i];
            if (counts is null || _segmentOrdinals[i] is not { } ordinals)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_totals[i], ordinals.Term(ord), out _);
                    total += counts[ord];
                }
            }

            _segmentOrdinals[i] = null;
            _segmentCounts[i] = null;
        }

        _counting = [];
    }

    private sealed class Counting(SegmentOrdinals ordinals, int[] counts)
    {
        public int[] Counts { get; } = counts;

        public int[]? Single { get; } = ordinals.Single;

        public int[] Starts { get; } = ordinals.Starts;

        public int[] Ordinals { get; } = ordinals.Ordinals;
    }
}

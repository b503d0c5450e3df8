using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Monitoring.Core.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Counts the keyword values of every matching document (Lucene.Net.Facet is not available).
/// Counting is per segment by ordinal; ordinals become strings only once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] _fields;
    private readonly Dictionary<string, long>[] _totals;
    private readonly SortedSetDocValues?[] _segmentValues;
    private readonly long[]?[] _segmentCounts;

    public FacetCollector(IReadOnlyList<string> fields)
    {
        _fields = [.. fields];
        _totals = [.. _fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        _segmentValues = new SortedSetDocValues?[_fields.Length];
        _segmentCounts = new long[]?[_fields.Length];
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
            var values = context.AtomicReader.GetSortedSetDocValues(_fields[i]);
            _segmentValues[i] = values;
            _segmentCounts[i] = values is null ? null : new long[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            var values = _segmentValues[i];
            if (values is null)
            {
                continue;
            }

            var counts = _segmentCounts[i]!;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                counts[ord]++;
            }
        }
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
        var scratch = new BytesRef();
        for (var i = 0; i < _fields.Length; i++)
        {
            var values = _segmentValues[i];
            var counts = _segmentCounts[i];
            if (values is null || counts is null)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, scratch);
                    var value = scratch.Utf8ToString();
                    _totals[i][value] = _totals[i].GetValueOrDefault(value) + counts[ord];
                }
            }

            _segmentValues[i] = null;
            _segmentCounts[i] = null;
        }
    }
}

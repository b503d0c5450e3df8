using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Monitoring.Search.Lucene;

/// <summary>
/// A segment's ordinals of one keyword field (<see cref="SortedSetDocValues"/>) copied into arrays, once per segment
/// and field (<see cref="SegmentCache"/>).
/// </summary>
/// <remarks>
/// Lucene's doc values are read from the mapped file a few bytes at a time through virtual calls; at a million
/// articles, counting facets that way took most of a broad search's time (docs/performance.md). Arrays cost
/// 4 bytes per document plus 4 per value and field, and are shared by every search on the segment.
/// The terms are decoded once too: looking each up again per search cost as much as the counting.
/// </remarks>
internal sealed class SegmentOrdinals
{
    private readonly int[] _starts;
    private readonly int[] _ordinals;
    private readonly string[] _terms;
    private int[]? _allCounts;

    private SegmentOrdinals(int[] starts, int[] ordinals, string[] terms)
    {
        _starts = starts;
        _ordinals = ordinals;
        _terms = terms;
        Single = IsSingleValued(starts) ? SingleOrdinals(starts, ordinals) : null;
    }

    /// <summary>
    /// When no document of the segment has two values (source, language), the ordinal of each document, −1 for none:
    /// counting then reads one array element per match instead of two bounds and a range.
    /// </summary>
    public int[]? Single { get; }

    /// <summary>Where each document's ordinals start in <see cref="Ordinals"/>; the last entry is their count.</summary>
    public int[] Starts => _starts;

    /// <summary>The ordinals of every document, one after the other.</summary>
    public int[] Ordinals => _ordinals;

    /// <summary>How many distinct values the field has in the segment.</summary>
    public int ValueCount => _terms.Length;

    /// <summary>The field's ordinals in <paramref name="reader"/>'s segment, or null when no document there has the field.</summary>
    public static SegmentOrdinals? For(AtomicReader reader, string field) =>
        SegmentCache.Get(reader, "ordinals:" + field, segment => Load(segment, field));

    /// <summary>The ordinals of <paramref name="doc"/>, in ascending order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<int> Of(int doc) => _ordinals.AsSpan(_starts[doc], _starts[doc + 1] - _starts[doc]);

    /// <summary>How many documents of the segment, deleted ones included, have each ordinal.</summary>
    public int[] CountsOverAllDocuments()
    {
        if (_allCounts is { } counted)
        {
            return counted;
        }

        var counts = new int[ValueCount];
        foreach (var ord in _ordinals)
        {
            counts[ord]++;
        }

        return _allCounts = counts;
    }

    /// <summary>The value an ordinal stands for.</summary>
    public string Term(int ordinal) => _terms[ordinal];

    private static bool IsSingleValued(int[] starts)
    {
        for (var doc = 0; doc + 1 < starts.Length; doc++)
        {
            if (starts[doc + 1] - starts[doc] > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] SingleOrdinals(int[] starts, int[] ordinals)
    {
        var single = new int[starts.Length - 1];
        for (var doc = 0; doc < single.Length; doc++)
        {
            single[doc] = starts[doc + 1] > starts[doc] ? ordinals[starts[doc]] : -1;
        }

        return single;
    }

    private static SegmentOrdinals? Load(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null)
        {
            return null;
        }

        var starts = new int[reader.MaxDoc + 1];
        var ordinals = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ordinals.Add((int)ord);
            }
        }

        starts[reader.MaxDoc] = ordinals.Count;
        var terms = new string[values.ValueCount];
        var termsEnum = values.GetTermsEnum();
        for (var ord = 0; termsEnum.MoveNext(); ord++)
        {
            terms[ord] = termsEnum.Term.Utf8ToString();
        }

        return new SegmentOrdinals(starts, [.. ordinals], terms);
    }
}

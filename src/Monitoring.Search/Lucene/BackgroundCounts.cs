using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene;

/// <summary>
/// How many documents of the whole index hold each of many values: the background of significant terms. Deleted
/// documents are counted, as a term's document frequency (and Elasticsearch's background) counts them until merged.
/// Looking each value up with <c>IndexReader.DocFreq</c> opened a terms enumerator per value and segment: thousands of
/// values over a million articles took seconds.
/// </summary>
internal static class BackgroundCounts
{
    /// <summary>For a keyword field: from each segment's counts per value, made once per segment and kept with it.</summary>
    public static Dictionary<string, long> OfKeywords(IndexReader reader, string field, IReadOnlyCollection<string> values)
    {
        var counts = values.ToDictionary(value => value, _ => 0L, StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var byValue = SegmentCache.Get(leaf.AtomicReader, "counts-by-value:" + field, segment => CountsByValue(segment, field));
            if (byValue is null)
            {
                continue;
            }

            foreach (var value in values)
            {
                if (byValue.TryGetValue(value, out var count))
                {
                    CollectionsMarshal.GetValueRefOrNullRef(counts, value) += count;
                }
            }
        }

        return counts;
    }

    /// <summary>For an analysed field: one terms enumerator per segment, reused for every word, sought in term order; segments in parallel.</summary>
    public static Dictionary<string, long> OfWords(IndexReader reader, string field, IReadOnlyCollection<string> words, int cores)
    {
        var sorted = words.Select(word => new BytesRef(word)).ToArray();
        Array.Sort(sorted);
        var totals = new long[sorted.Length];
        Parallel.ForEach(reader.Leaves, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, cores) }, leaf =>
        {
            if (leaf.AtomicReader.GetTerms(field) is not { } terms)
            {
                return;
            }

            var enumerator = terms.GetEnumerator();
            for (var i = 0; i < sorted.Length; i++)
            {
                if (enumerator.SeekExact(sorted[i]))
                {
                    Interlocked.Add(ref totals[i], enumerator.DocFreq);
                }
            }
        });

        return sorted.Select((word, i) => (Word: word.Utf8ToString(), Count: totals[i])).ToDictionary(pair => pair.Word, pair => pair.Count, StringComparer.Ordinal);
    }

    private static Dictionary<string, long>? CountsByValue(AtomicReader segment, string field)
    {
        if (SegmentOrdinals.For(segment, field) is not { } ordinals)
        {
            return null;
        }

        var counts = ordinals.CountsOverAllDocuments();
        var byValue = new Dictionary<string, long>(ordinals.ValueCount, StringComparer.Ordinal);
        for (var ord = 0; ord < counts.Length; ord++)
        {
            byValue[ordinals.Term(ord)] = counts[ord];
        }

        return byValue;
    }
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene;

/// <summary>
/// How many documents of the whole index hold each of many values: the background of significant terms. Deleted
/// documents are counted, as a term's document frequency (and Elasticsearch's background) counts them until merged.
/// Looking each value up with <c>IndexReader.DocFreq</c> opened a terms enumerator per value and segment: thousands of
/// values over a million articles took seconds. Both kinds of count are kept once made, so that the background of a
/// search costs a dictionary look-up per value (docs/performance.md, benchmark 4 with significant terms).
/// </summary>
internal static class BackgroundCounts
{
    /// <summary>
    /// For a keyword field: from the whole index's counts per value, merged from each segment's counts once per index
    /// version (a search for everything named ~10,000 people; looking each up in 20 segments cost 15–20 ms of CPU).
    /// </summary>
    public static Dictionary<string, long> OfKeywords(IndexReader reader, string field, IReadOnlyCollection<string> values)
    {
        var whole = SegmentCache.ForVersion(reader, "counts-by-value:" + field, index => WholeIndexCounts(index, field))!;
        return values.Distinct(StringComparer.Ordinal).ToDictionary(value => value, value => whole.GetValueOrDefault(value), StringComparer.Ordinal);
    }

    /// <summary>
    /// For an analysed field: each segment's document frequency of a word is kept with the segment once sought
    /// (<see cref="SegmentWordFrequencies"/>); words not yet known are sought with one terms enumerator per segment,
    /// in term order; segments in parallel.
    /// </summary>
    public static Dictionary<string, long> OfWords(IndexReader reader, string field, IReadOnlyCollection<string> words, int cores)
    {
        var distinct = words.Distinct(StringComparer.Ordinal).ToArray();
        var totals = new long[distinct.Length];
        Parallel.ForEach(reader.Leaves, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, cores) }, leaf =>
        {
            var segment = leaf.AtomicReader;
            var known = SegmentCache.Get(segment, "doc-freq:" + field, _ => new SegmentWordFrequencies())!;
            var unknown = new List<int>();
            for (var i = 0; i < distinct.Length; i++)
            {
                if (known.TryGet(distinct[i], out var frequency))
                {
                    Interlocked.Add(ref totals[i], frequency);
                }
                else
                {
                    unknown.Add(i);
                }
            }

            if (unknown.Count == 0)
            {
                return;
            }

            var enumerator = segment.GetTerms(field)?.GetEnumerator();
            foreach (var (i, term) in unknown.Select(i => (i, Term: new BytesRef(distinct[i]))).OrderBy(word => word.Term))
            {
                var frequency = enumerator is not null && enumerator.SeekExact(term) ? enumerator.DocFreq : 0;
                known.Remember(distinct[i], frequency);
                Interlocked.Add(ref totals[i], frequency);
            }
        });

        return distinct.Select((word, i) => (word, totals[i])).ToDictionary(pair => pair.word, pair => pair.Item2, StringComparer.Ordinal);
    }

    private static Dictionary<string, long> WholeIndexCounts(IndexReader reader, string field)
    {
        var whole = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            if (SegmentOrdinals.For(leaf.AtomicReader, field) is not { } ordinals)
            {
                continue;
            }

            var counts = ordinals.CountsOverAllDocuments();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(whole, ordinals.Term(ord), out _) += counts[ord];
            }
        }

        return whole;
    }

    /// <summary>
    /// The document frequencies of the words sought so far in one segment (which never change: a segment's terms are
    /// written once, deleted documents included), up to <see cref="Capacity"/> words: beyond, words are sought each time.
    /// </summary>
    private sealed class SegmentWordFrequencies
    {
        /// <summary>
        /// About 1 MB per segment at most; a search's sample brings a few hundred candidate words, so this holds those
        /// of the last few dozen different searches.
        /// </summary>
        public const int Capacity = 10_000;

        private readonly ConcurrentDictionary<string, int> _frequencies = new(StringComparer.Ordinal);
        private int _count;

        public bool TryGet(string word, out int frequency) => _frequencies.TryGetValue(word, out frequency);

        public void Remember(string word, int frequency)
        {
            if (Volatile.Read(ref _count) < Capacity && _frequencies.TryAdd(word, frequency))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Monitoring.Search.Lucene;

/// <summary>
/// A searcher that can run a search over slices of the index's segments at once, one collector per slice, so a
/// search over a large index uses every core (as Elasticsearch searches its shards). Small indexes are one slice.
/// </summary>
internal sealed class SlicedSearcher : IndexSearcher
{
    private readonly List<IList<AtomicReaderContext>> _slices;

    public SlicedSearcher(IndexReader reader, SearchSlicing slicing)
        : base(reader)
    {
        _slices = Slice(reader.Leaves, reader.MaxDoc < slicing.MinDocuments ? 1 : slicing.Slices);
    }

    /// <summary>How many collectors <see cref="SearchSlices"/> asks for.</summary>
    public int SliceCount => _slices.Count;

    /// <summary>
    /// Searches every slice with the collector <paramref name="collectorFor"/> gives for its number (0 to
    /// <see cref="SliceCount"/> − 1), in parallel; each collector sees its slice's segments, with their real doc bases.
    /// </summary>
    public void SearchSlices(Query query, Func<int, ICollector> collectorFor)
    {
        var weight = CreateNormalizedWeight(query);
        if (_slices.Count == 1)
        {
            Search(_slices[0], weight, collectorFor(0));
            return;
        }

        Parallel.For(0, _slices.Count, slice => Search(_slices[slice], weight, collectorFor(slice)));
    }

    /// <summary>Segments spread over <paramref name="count"/> slices of about equal size, each in index order.</summary>
    private static List<IList<AtomicReaderContext>> Slice(IList<AtomicReaderContext> leaves, int count)
    {
        var slices = Enumerable.Range(0, Math.Clamp(count, 1, Math.Max(1, leaves.Count))).Select(_ => new List<AtomicReaderContext>()).ToList();
        var sizes = new long[slices.Count];
        foreach (var leaf in leaves.OrderByDescending(leaf => leaf.AtomicReader.MaxDoc))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            slices[lightest].Add(leaf);
            sizes[lightest] += leaf.AtomicReader.MaxDoc;
        }

        return [.. slices.Select(slice => (IList<AtomicReaderContext>)[.. slice.OrderBy(leaf => leaf.Ord)])];
    }
}

/// <summary>How an index is searched in slices: from how many documents, in how many slices at most.</summary>
internal sealed record SearchSlicing(int MinDocuments, int Slices)
{
    /// <summary>
    /// A slice per core from 50,000 documents: below that a search takes a few milliseconds, less than handing
    /// it to other threads costs.
    /// </summary>
    public static SearchSlicing Default { get; } = new(50_000, Environment.ProcessorCount);
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Searchers that rank by BM25 (k1 1.2, b 0.75), Elasticsearch's default, rather than Lucene.Net 4.8's
/// TF-IDF, so that both engines order hits alike. Both similarities write the same length norms, so an
/// index written under either is read correctly by the other. They search large indexes a slice of segments per
/// core (<see cref="SlicedSearcher"/>).
/// </summary>
internal sealed class Bm25SearcherFactory(SearchSlicing slicing) : SearcherFactory
{
    public static Similarity Similarity { get; } = new BM25Similarity();

    public override IndexSearcher NewSearcher(IndexReader reader) => new SlicedSearcher(reader, slicing) { Similarity = Similarity };
}

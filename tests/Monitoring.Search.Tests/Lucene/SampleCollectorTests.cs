using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Tests.Lucene;

/// <summary>
/// The sample of a search without text is taken without ranking (every match scores the same): it must be the
/// matches Lucene's own ranking would give, ties by document.
/// </summary>
public sealed class SampleCollectorTests
{
    [Fact]
    public void WithoutText_TheSampleIsTheFirstMatchesInIndexOrder_AsLucenesRankingGivesThem()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzers.Version, new KeywordAnalyzer())))
        {
            for (var doc = 0; doc < 450; doc++)
            {
                writer.AddDocument(new Document { new StringField("kind", doc % 3 == 0 ? "odd" : "even", Field.Store.NO) });
                if (doc % 150 == 149)
                {
                    writer.Commit();
                }
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = new BooleanQuery { { new ConstantScoreQuery(new TermQuery(new Term("kind", "even"))), Occur.MUST } };
        var sample = new SampleCollector(scored: false);
        var ranked = TopScoreDocCollector.Create(SignificantTermsQuery.SampleSize, docsScoredInOrder: false);

        searcher.Search(query, sample);
        searcher.Search(query, ranked);

        Assert.True(reader.Leaves.Count > 1, "The matches span segments.");
        Assert.Equal(
            ranked.GetTopDocs().ScoreDocs.Select(hit => (hit.Doc, hit.Score)),
            SampleCollector.Merge([sample]).Select(hit => (hit.Doc, hit.Score)));
    }
}

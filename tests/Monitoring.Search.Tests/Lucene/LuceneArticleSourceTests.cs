using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Monitoring.Search.Lucene;
using Monitoring.Search.Tests.Reindexing;

namespace Monitoring.Search.Tests.Lucene;

public sealed class LuceneArticleSourceTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("monitoring-source-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsEveryArticle_OnceEach_InIdOrder_AfterAGivenId()
    {
        var articles = DemoCorpus.Articles.Take(50).ToList();
        var folder = await SourceIndexes.WriteAsync(Path.Combine(_root, "index"), articles);

        // Written again: the index replaces them, so each is still read once.
        await SourceIndexes.WriteAsync(folder, articles.Take(10).ToList());
        using var source = LuceneArticleSource.Open(folder);

        var ids = articles.Select(article => article.Id.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids.Count, source.Count);
        Assert.Equal(ids, source.ReadAfter(null).Select(article => article.Id.Value));
        Assert.Equal(ids.Skip(21), source.ReadAfter(ArticleId.Parse(ids[20])).Select(article => article.Id.Value));
        Assert.Empty(source.ReadAfter(ArticleId.Parse(ids[^1])));

        // An id that is not in the index (here: one less than an indexed one) continues with the next.
        var next = Enumerable.Range(30, ids.Count - 30).First(i => ids[i][^1] is not ('0' or 'a'));
        var before = ids[next][..^1] + (char)(ids[next][^1] - 1);
        Assert.DoesNotContain(before, ids);
        Assert.Equal(ids.Skip(next), source.ReadAfter(ArticleId.Parse(before)).Select(article => article.Id.Value));
    }

    [Fact]
    public async Task ReadsTheCommitItOpened_WhileTheAppKeepsWriting()
    {
        var folder = Path.Combine(_root, "live");
        using var app = new LuceneArticleIndex(folder);
        await app.IndexAsync(DemoCorpus.Articles.Take(20).ToList(), Cancel);
        using var source = LuceneArticleSource.Open(folder);

        await app.IndexAsync(DemoCorpus.Articles.Skip(20).Take(20).ToList(), Cancel);

        Assert.Equal(20, source.Count);
        Assert.Equal(20, source.ReadAfter(null).Count());
        using var later = LuceneArticleSource.Open(folder);
        Assert.True(later.Generation > source.Generation);
        Assert.Equal(40, later.Count);
    }

    [Fact]
    public void Refuses_AFolderThatIsMissing_OrHoldsNoIndex()
    {
        Assert.Throws<DirectoryNotFoundException>(() => LuceneArticleSource.Open(Path.Combine(_root, "missing")));
        var empty = System.IO.Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        var error = Assert.Throws<DirectoryNotFoundException>(() => LuceneArticleSource.Open(empty));

        Assert.Contains("holds no Lucene index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_ACorruptIndex_NamingIt()
    {
        var folder = await SourceIndexes.WriteAsync(Path.Combine(_root, "corrupt"), DemoCorpus.Articles.Take(5).ToList());
        var segments = System.IO.Directory.GetFiles(folder, "segments_*").Single();
        var bytes = await File.ReadAllBytesAsync(segments, Cancel);
        await File.WriteAllBytesAsync(segments, bytes[..(bytes.Length / 2)], Cancel);

        var error = Assert.Throws<InvalidDataException>(() => LuceneArticleSource.Open(folder));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_AnIndexThatDoesNotStoreTheArticles()
    {
        var folder = Path.Combine(_root, "foreign");
        using (var directory = FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzers.Version, ArticleAnalyzers.Create())))
        {
            writer.AddDocument([new StringField("id", "0123456789abcdef", Field.Store.YES), new TextField("body", "Kosovo", Field.Store.NO)]);
            writer.Commit();
        }

        var error = Assert.Throws<InvalidDataException>(() => LuceneArticleSource.Open(folder));

        Assert.Contains("does not store the articles", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
}

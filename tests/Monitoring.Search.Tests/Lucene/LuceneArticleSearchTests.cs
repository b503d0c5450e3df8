using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene;

namespace Monitoring.Search.Tests.Lucene;

/// <summary>The contract suite against the embedded engine, plus what only an on-disk index can show.</summary>
public sealed class LuceneArticleSearchTests : ArticleSearchContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitoring-search-tests", Guid.NewGuid().ToString("N"));
    private readonly List<LuceneArticleIndex> _opened = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Articles_SurviveReopeningTheIndexFromDisk()
    {
        var folder = Path.Combine(_root, "reopened");
        var original = RichArticle();
        using (var first = new LuceneArticleIndex(folder))
        {
            await first.IndexAsync([original, .. DemoCorpus.Articles.Take(100)], Cancel);
        }

        var reopened = Open(folder);

        Assert.Equal(101, await reopened.CountAsync(Cancel));
        Assert.Equal(original.Tags.People, (await reopened.GetAsync(original.Id, Cancel))!.Tags.People);
        Assert.Equal(1, (await reopened.SearchAsync(new ArticleQuery { Text = "Shoigu" }, Cancel)).Total);
    }

    [Fact]
    public async Task Articles_AreSearchable_AsSoonAsIndexingCompletes()
    {
        var index = Open(Path.Combine(_root, "nrt"));

        foreach (var article in DemoCorpus.Articles.Take(5))
        {
            await index.IndexAsync([article], Cancel);
            Assert.NotNull(await index.GetAsync(article.Id, Cancel));
        }

        Assert.Equal(5, await index.CountAsync(Cancel));
    }

    [Fact]
    public void OpeningAFolderTwice_IsRefused_WithAClearMessage()
    {
        var folder = Path.Combine(_root, "twice");
        Open(folder);

        var error = Assert.Throws<IndexInUseException>(() => new LuceneArticleIndex(folder));

        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderClosedByItsOwner_OpensAgain_WithWhatItCommitted()
    {
        var folder = Path.Combine(_root, "handed-over");
        using (var owner = new LuceneArticleIndex(folder))
        {
            await owner.IndexAsync([.. DemoCorpus.Articles.Take(3)], Cancel);
        }

        Assert.Equal(3, await Open(folder).CountAsync(Cancel));
    }

    [Fact]
    public async Task AWriteThatCannotCommit_FailsClearly_KeepsSearchesAnswering_AndTheNextWriteOpensTheIndexAgain()
    {
        var folder = Path.Combine(_root, "failing");
        var index = Open(folder);
        var (first, second) = (DemoCorpus.Articles[0], DemoCorpus.Articles[1]);
        await index.IndexAsync([first], Cancel);

        // The folder disappears under the writer and a file takes its name: no segment can be written there.
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder", Cancel);
        var failure = await Assert.ThrowsAsync<IndexWriteException>(() => index.IndexAsync([second], Cancel));
        Assert.Contains(folder, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, await index.CountAsync(Cancel));
        await Assert.ThrowsAsync<IndexWriteException>(() => index.IndexAsync([second], Cancel));

        File.Delete(folder);
        await index.IndexAsync([second], Cancel);

        Assert.NotNull(await index.GetAsync(second.Id, Cancel));
        Assert.True(File.Exists(Path.Combine(folder, "owner.lock")));
        Assert.Throws<IndexInUseException>(() => new LuceneArticleIndex(folder));
    }

    [Fact]
    public async Task ConcurrentWritersAndReaders_DoNotInterfere()
    {
        var index = Open(Path.Combine(_root, "concurrent"));
        var batches = DemoCorpus.Articles.Chunk(100).ToList();

        var writes = batches.Select(batch => Task.Run(() => index.IndexAsync(batch, Cancel), Cancel));
        var reads = Enumerable.Range(0, 20).Select(_ => Task.Run(() => index.SearchAsync(new ArticleQuery { Text = "Kosovo" }, Cancel), Cancel));
        await Task.WhenAll([.. writes, .. reads]);

        Assert.Equal(DemoCorpus.Articles.Count, await index.CountAsync(Cancel));
    }

    public void Dispose()
    {
        foreach (var index in _opened)
        {
            index.Dispose();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup>? names = null)
    {
        var index = Open(Path.Combine(_root, $"engine-{_opened.Count}"), names);
        return Task.FromResult(new SearchEngineUnderTest(index, index));
    }

    private LuceneArticleIndex Open(string folder, IReadOnlyList<NameGroup>? names = null)
    {
        var index = new LuceneArticleIndex(folder, names);
        _opened.Add(index);
        return index;
    }
}

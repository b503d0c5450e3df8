namespace Monitoring.Search.Tests;

/// <summary>Deep paging with cursors and the uncapped export.</summary>
public abstract partial class ArticleSearchContract
{
    [Theory]
    [InlineData(SearchSort.Relevance, "Kosovo OR Serbia")]
    [InlineData(SearchSort.Newest, null)]
    [InlineData(SearchSort.Oldest, "Kosovo")]
    [InlineData(SearchSort.Tension, null)]
    public async Task Cursor_WalksEveryMatchOnce_InTheSameOrderAsOneBigPage(SearchSort sort, string? text)
    {
        var engine = await CorpusEngineAsync();
        var query = new ArticleQuery { Text = text, Sort = sort, Take = 97 };
        var oneBigPage = await engine.Search.SearchAsync(query with { Take = Corpus.Count }, Cancel);

        var walked = new List<ArticleId>();
        var page = await engine.Search.SearchAsync(query, Cancel);
        var pages = 1;
        while (page.NextCursor is not null)
        {
            walked.AddRange(page.Hits.Select(hit => hit.Article.Id));
            Assert.Equal(query.Take, page.Hits.Count);
            Assert.Equal(oneBigPage.Total, page.Total);
            page = await engine.Search.SearchAsync(query with { Cursor = page.NextCursor, Skip = 12345 }, Cancel);
            pages++;
        }

        walked.AddRange(page.Hits.Select(hit => hit.Article.Id));
        Assert.Equal(oneBigPage.Hits.Select(hit => hit.Article.Id), walked);
        Assert.Equal((int)Math.Ceiling(oneBigPage.Total / (double)query.Take), pages);
        Assert.Null(oneBigPage.NextCursor);
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public async Task ArticlesOfTheSameInstant_ComeInTheOrderOfTheirIds(SearchSort sort)
    {
        var engine = await CorpusEngineAsync();

        var all = await engine.Search.SearchAsync(new ArticleQuery { Sort = sort, Take = Corpus.Count }, Cancel);

        // The demo corpus is dated by day, so many articles share an instant; each run of them must be in id order.
        var ties = all.Hits.Select(hit => hit.Article)
            .GroupBy(DemoCorpus.DateOf)
            .Where(group => group.Count() > 1)
            .ToList();
        Assert.True(ties.Count > 100, $"only {ties.Count} days with several articles");
        Assert.All(ties, group =>
            Assert.Equal(group.Select(article => article.Id.Value).Order(StringComparer.Ordinal), group.Select(article => article.Id.Value)));

        // Small pages put many page ends inside such a run: the last hit of a page ties with the first of the next.
        var walked = new List<ArticleId>();
        var query = new ArticleQuery { Sort = sort, Take = 7 };
        for (var page = await engine.Search.SearchAsync(query, Cancel); ; page = await engine.Search.SearchAsync(query with { Cursor = page.NextCursor }, Cancel))
        {
            walked.AddRange(page.Hits.Select(hit => hit.Article.Id));
            if (page.NextCursor is null)
            {
                break;
            }
        }

        Assert.Equal(all.Hits.Select(hit => hit.Article.Id), walked);
    }

    [Fact]
    public async Task Cursor_IsSetOnlyWhenMoreHitsFollow()
    {
        var engine = await CorpusEngineAsync();
        var total = Corpus.Count(article => DemoCorpus.Mentions(article, "Shirokaya"));

        var exact = await engine.Search.SearchAsync(new ArticleQuery { Text = "Shirokaya", Take = total }, Cancel);
        var shallow = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Skip = 10, Take = 10 }, Cancel);
        var afterShallow = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Cursor = shallow.NextCursor, Take = 10 }, Cancel);
        var third = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Skip = 20, Take = 10 }, Cancel);

        Assert.Null(exact.NextCursor);
        Assert.Null((await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Take = 0 }, Cancel)).NextCursor);
        Assert.NotNull(shallow.NextCursor);
        Assert.Equal(third.Hits.Select(hit => hit.Article.Id), afterShallow.Hits.Select(hit => hit.Article.Id));
    }

    [Fact]
    public async Task Cursor_FromAnotherSort_OrGarbage_IsRefused()
    {
        var engine = await CorpusEngineAsync();
        var newest = await engine.Search.SearchAsync(new ArticleQuery { Sort = SearchSort.Newest, Take = 5 }, Cancel);

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Sort = SearchSort.Tension, Cursor = newest.NextCursor }, Cancel));
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Sort = SearchSort.Newest, Cursor = "not a cursor" }, Cancel));
    }

    [Fact]
    public async Task Export_StreamsEveryMatch_InSortOrder_WithoutACap()
    {
        var engine = await CorpusEngineAsync();

        var everything = await ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Sort = SearchSort.Oldest, Take = 3 }, Cancel));
        var kosovo = await ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Text = "Kosovo", Countries = ["XK"], Skip = 50 }, Cancel));

        Assert.Equal(Corpus.Count, everything.Count);
        Assert.Equal(Corpus.Select(article => article.Id).ToHashSet(), everything.Select(article => article.Id).ToHashSet());
        Assert.Equal(everything.Select(DemoCorpus.DateOf).Order(), everything.Select(DemoCorpus.DateOf));
        Assert.Equal(
            Corpus.Where(article => DemoCorpus.Mentions(article, "Kosovo") && DemoCorpus.HasCountry(article, "XK")).Select(article => article.Id).ToHashSet(),
            kosovo.Select(article => article.Id).ToHashSet());
        Assert.Equal(kosovo.Count, kosovo.Select(article => article.Id).Distinct().Count());
    }

    [Fact]
    public async Task Export_ReadsTheIndexAsItWasWhenItStarted()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync([.. Corpus.Take(600)], Cancel);

        var exported = new List<ArticleId>();
        await foreach (var article in engine.Search.ExportAsync(new ArticleQuery(), Cancel))
        {
            if (exported.Count == 0)
            {
                await engine.Index.IndexAsync([.. Corpus.Skip(600)], Cancel);
            }

            exported.Add(article.Id);
        }

        Assert.Equal(Corpus.Take(600).Select(article => article.Id).ToHashSet(), exported.ToHashSet());
        Assert.Equal(600, exported.Count);
    }

    [Fact]
    public async Task Export_RejectsInvalidText()
    {
        var engine = await CreateEmptyEngineAsync();

        await Assert.ThrowsAsync<InvalidQueryException>(
            () => ToListAsync(engine.Search.ExportAsync(new ArticleQuery { Text = "Kosovo AND" }, Cancel)));
    }

    private static async Task<List<EnrichedArticle>> ToListAsync(IAsyncEnumerable<EnrichedArticle> articles)
    {
        var list = new List<EnrichedArticle>();
        await foreach (var article in articles)
        {
            list.Add(article);
        }

        return list;
    }
}

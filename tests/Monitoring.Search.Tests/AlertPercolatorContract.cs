using Monitoring.Core.Alerts;
using Monitoring.Core.Search.Names;
using Monitoring.Tests;

namespace Monitoring.Search.Tests;

/// <summary>
/// The behaviour every percolator must show. Its oracle is the engine's own search, itself held to
/// <see cref="ArticleSearchContract"/>: an alert matches exactly the articles its query finds in an index
/// holding only the new articles.
/// </summary>
public abstract class AlertPercolatorContract
{
    /// <summary>Alert queries of every kind the search page can save: text syntax and each filter.</summary>
    public static readonly TheoryData<string, ArticleQuery> SavedSearches = new()
    {
        { "word", new ArticleQuery { Text = "Kosovo" } },
        { "another name", new ArticleQuery { Text = "Beograd" } },
        { "names as typed", new ArticleQuery { Text = "Beograd OR Belgrad", ExpandNames = false } },
        { "phrase", new ArticleQuery { Text = "\"prime minister\"" } },
        { "boolean", new ArticleQuery { Text = "(Serbia OR Croatia) AND NOT election*" } },
        { "proximity", new ArticleQuery { Text = "\"Kosovo Serbia\"~5" } },
        { "field", new ArticleQuery { Text = "title:Bosnia" } },
        { "country filter", new ArticleQuery { Countries = ["XK", "AL"] } },
        { "about filter", new ArticleQuery { Countries = ["RS"], CountryMode = CountryMode.About } },
        { "person filter", new ArticleQuery { People = ["Aleksandar Vučić"] } },
        { "tension range", new ArticleQuery { MinTension = DemoCorpus.TenseFrom } },
        { "text and filters", new ArticleQuery { Text = "protest*", Countries = ["RS", "ME"], MinTension = 1 } },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The demo news as one batch: it holds matches and non-matches for every saved search.</summary>
    private static IReadOnlyList<EnrichedArticle> NewArticles => DemoCorpus.Articles;

    /// <summary>The shipped names a typed place, country or person is also searched by, as the app has them.</summary>
    private static readonly Lazy<IReadOnlyList<NameGroup>> Names = new(() => SearchNames.LoadFrom(RepositoryPaths.Seeds).Groups);

    /// <summary>A new percolator holding no alerts, expanding typed names with <paramref name="names"/>.</summary>
    protected abstract Task<IAlertPercolator> CreatePercolatorAsync(IReadOnlyList<NameGroup> names);

    /// <summary>A new, empty search engine of the same kind with the same names, for the oracle.</summary>
    protected abstract Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup> names);

    [Theory]
    [MemberData(nameof(SavedSearches))]
    public async Task AnAlert_MatchesExactlyWhatItsSearchFinds_AmongTheNewArticles(string kind, ArticleQuery query)
    {
        var engine = await CreateEmptyEngineAsync(Names.Value);
        await engine.Index.IndexAsync(NewArticles, Cancel);
        var found = await FoundAsync(engine.Search, query);
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync(kind, query, Cancel);

        var matches = await percolator.PercolateAsync(NewArticles, Cancel);

        Assert.NotEmpty(found);
        Assert.True(found.Count < NewArticles.Count, $"'{kind}' should leave some articles out to show anything");
        Assert.All(matches, match => Assert.Equal(kind, match.AlertId));
        Assert.Equal(found.Order(), matches.Select(match => match.ArticleId.Value).Order());
    }

    [Fact]
    public async Task AnOutletAlert_MatchesTheArticlesOfItsGroupCountryAndKind_Only()
    {
        var outlet = new Core.Articles.ArticleOutlet { Country = "XK", Kind = Core.Articles.OutletKind.Portal, Groups = ["7", "8"] };
        var articles = NewArticles.Take(10).Select((article, i) => i % 3 == 0 ? article with { Article = article.Article with { Outlet = outlet } } : article).ToList();
        var expected = articles.Where(article => article.Article.Outlet is not null).Select(article => article.Id.Value).Order().ToList();
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync("group", new ArticleQuery { OutletGroups = ["8"] }, Cancel);
        await percolator.RegisterAsync("country and kind", new ArticleQuery { OutletCountries = ["xk"], OutletKinds = ["portal"] }, Cancel);
        await percolator.RegisterAsync("another group", new ArticleQuery { OutletGroups = ["9"] }, Cancel);

        var matches = await percolator.PercolateAsync(articles, Cancel);

        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, matches.Where(match => match.AlertId == "group").Select(match => match.ArticleId.Value).Order());
        Assert.Equal(expected, matches.Where(match => match.AlertId == "country and kind").Select(match => match.ArticleId.Value).Order());
        Assert.DoesNotContain(matches, match => match.AlertId == "another group");
    }

    [Fact]
    public async Task ManyAlerts_AreMatchedInOnePass_EachWithItsOwnArticles()
    {
        var engine = await CreateEmptyEngineAsync(Names.Value);
        await engine.Index.IndexAsync(NewArticles, Cancel);
        var percolator = await CreatePercolatorAsync(Names.Value);
        var expected = new List<(string, string)>();
        foreach (var (kind, query) in SavedSearches.Select(row => row.Data))
        {
            await percolator.RegisterAsync(kind, query, Cancel);
            expected.AddRange((await FoundAsync(engine.Search, query)).Select(id => (kind, id)));
        }

        var matches = await percolator.PercolateAsync(NewArticles, Cancel);

        Assert.Equal(expected.Order(), matches.Select(match => (match.AlertId, match.ArticleId.Value)).Order());
    }

    [Fact]
    public async Task AnAlertForARareWord_MatchesOnlyTheArticleThatHasIt()
    {
        var holder = Assert.Single(DemoCorpus.Articles, article => DemoCorpus.Mentions(article, "Shirokaya"));
        var others = DemoCorpus.Articles.Where(article => article != holder).Take(50);
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync("shirokaya", new ArticleQuery { Text = "shirokaya" }, Cancel);

        var matches = await percolator.PercolateAsync([.. others, holder], Cancel);

        Assert.Equal([new PercolatorMatch("shirokaya", holder.Id)], matches);
    }

    [Fact]
    public async Task AnArticleGivenTwiceInABatch_MatchesOnce()
    {
        var holder = Assert.Single(DemoCorpus.Articles, article => DemoCorpus.Mentions(article, "Shirokaya"));
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync("shirokaya", new ArticleQuery { Text = "shirokaya" }, Cancel);

        var matches = await percolator.PercolateAsync([holder, holder], Cancel);

        Assert.Single(matches);
    }

    [Fact]
    public async Task RegisteringAgain_ReplacesTheAlertsQuery()
    {
        var holder = Assert.Single(DemoCorpus.Articles, article => DemoCorpus.Mentions(article, "Shirokaya"));
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync("alert", new ArticleQuery { Text = "shirokaya" }, Cancel);

        await percolator.RegisterAsync("alert", new ArticleQuery { Text = "shirokaya", Countries = ["FR"] }, Cancel);

        Assert.Empty(await percolator.PercolateAsync([holder], Cancel));
        Assert.Equal(["alert"], await percolator.RegisteredAsync(Cancel));
    }

    [Fact]
    public async Task ARemovedAlert_MatchesNothingAnyMore()
    {
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync("kept", new ArticleQuery { Text = "Kosovo" }, Cancel);
        await percolator.RegisterAsync("removed", new ArticleQuery { Text = "Kosovo" }, Cancel);

        await percolator.RemoveAsync("removed", Cancel);
        await percolator.RemoveAsync("never registered", Cancel);

        var matches = await percolator.PercolateAsync(NewArticles, Cancel);
        Assert.NotEmpty(matches);
        Assert.All(matches, match => Assert.Equal("kept", match.AlertId));
        Assert.Equal(["kept"], await percolator.RegisteredAsync(Cancel));
    }

    [Fact]
    public async Task AQueryThatDoesNotParse_IsRefusedWithItsPosition_AndThePreviousQueryStays()
    {
        var percolator = await CreatePercolatorAsync(Names.Value);
        await percolator.RegisterAsync("alert", new ArticleQuery { Text = "Kosovo" }, Cancel);

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => percolator.RegisterAsync("alert", new ArticleQuery { Text = "Kosovo AND (Serbia" }, Cancel));

        Assert.NotNull(error.Position);
        Assert.NotEmpty(await percolator.PercolateAsync(NewArticles, Cancel));
    }

    [Fact]
    public async Task WithoutAlerts_OrWithoutArticles_NothingMatches()
    {
        var percolator = await CreatePercolatorAsync(Names.Value);

        Assert.Empty(await percolator.PercolateAsync(NewArticles, Cancel));
        await percolator.RegisterAsync("alert", new ArticleQuery(), Cancel);
        Assert.Empty(await percolator.PercolateAsync([], Cancel));
    }

    private static async Task<List<string>> FoundAsync(IArticleSearch search, ArticleQuery query)
    {
        var ids = new List<string>();
        await foreach (var article in search.ExportAsync(query, Cancel))
        {
            ids.Add(article.Id.Value);
        }

        return ids;
    }
}

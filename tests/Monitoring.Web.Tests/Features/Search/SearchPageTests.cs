using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

/// <summary>The search page over a real Lucene index holding the shipped seeds.</summary>
public sealed class SearchPageTests : MudTestContext
{
    private const string ExampleHeadline = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans";

    private static readonly EnrichmentModel Model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    private readonly string _indexFolder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneArticleIndex _index;

    public SearchPageTests()
    {
        _index = new LuceneArticleIndex(_indexFolder);
        Services.AddSingleton<IArticleSearch>(_index);
        Services.AddSingleton(Model);
    }

    [Fact]
    public async Task Searching_Shoigu_ShowsTheExampleArticle_WithTheMatchHighlighted_AndItsCountries()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/?q=Shoigu");

        page.WaitForAssertion(() =>
        {
            var hit = Assert.Single(page.FindAll(".search-hit"));
            Assert.Contains(ExampleHeadline, hit.TextContent, StringComparison.Ordinal);
            Assert.Contains(hit.QuerySelectorAll("mark.hit"), mark => mark.TextContent == "Shoigu");
        });
        var countries = page.Find("[data-facet=country]").TextContent;
        Assert.Contains("Serbia", countries, StringComparison.Ordinal);
        Assert.Contains("Russia", countries, StringComparison.Ordinal);
        Assert.Equal("1 article", page.Find("#result-count").TextContent.Trim());
    }

    [Fact]
    public async Task FilteringByACountry_NarrowsTheResults_AndShowsTheActiveFilter()
    {
        await IndexSeedsAsync();

        var all = RenderPageAt<SearchPage>("/?q=Kosovo");
        all.WaitForElement(".search-hit");
        var unfiltered = all.Find("#result-count").TextContent;
        await DisposeComponentsAsync();

        var page = RenderPageAt<SearchPage>("/?q=Kosovo&country=RU");

        page.WaitForElement(".search-hit");
        Assert.NotEqual(unfiltered, page.Find("#result-count").TextContent);
        Assert.Contains("Russia", page.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        Assert.All(page.FindAll(".search-hit"), hit => Assert.Contains("Russia", hit.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyIndex_SaysTheDemoDataIsBeingIngested()
    {
        var page = RenderPageAt<SearchPage>("/");

        page.WaitForElement("#index-empty");
        Assert.Empty(page.FindAll(".search-hit"));
    }

    [Fact]
    public async Task AQueryNothingMatches_ShowsTheEmptyState()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/?q=xylophonist");

        page.WaitForElement("#no-results");
        Assert.Equal("0 articles", page.Find("#result-count").TextContent.Trim());
    }

    [Fact]
    public async Task AnUnparseableQuery_IsExplained_InsteadOfFailingThePage()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/?q=%22military%20cooperation");

        page.WaitForElement("#search-error");
        Assert.Contains("could not be understood", page.Find("#search-error").TextContent, StringComparison.Ordinal);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _index.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
    }

    private async Task IndexSeedsAsync()
    {
        var enricher = new ArticleEnricher(Model);
        var articles = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(enricher.Enrich).ToArray();
        await _index.IndexAsync(articles, Xunit.TestContext.Current.CancellationToken);
    }
}

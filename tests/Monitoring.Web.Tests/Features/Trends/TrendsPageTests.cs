using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

/// <summary>The trends page over a real Lucene index holding the shipped seeds.</summary>
public sealed class TrendsPageTests : MudTestContext
{
    private static readonly EnrichmentModel Model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    private readonly string _indexFolder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneArticleIndex _index;

    public TrendsPageTests()
    {
        _index = new LuceneArticleIndex(_indexFolder);
        Services.AddSingleton<IArticleSearch>(_index);
        Services.AddSingleton(Model);
        var enricher = new ArticleEnricher(Model);
        _index.IndexAsync([.. SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(enricher.Enrich)])
            .GetAwaiter().GetResult();
    }

    [Fact]
    public async Task ComparingTwoSearches_DrawsOneLineEach_WithTheirTotals()
    {
        var kosovo = (await _index.SearchAsync(new ArticleQuery { Text = "Kosovo", Take = 0 }, Xunit.TestContext.Current.CancellationToken)).Total;
        var croatia = (await _index.SearchAsync(new ArticleQuery { Text = "Croatia", Take = 0 }, Xunit.TestContext.Current.CancellationToken)).Total;

        var page = RenderPageAt<TrendsPage>("/trends?interval=year&cmp=Kosovo&cmp=Croatia");

        page.WaitForElement("#comparison-table");
        var rows = page.FindAll("#comparison-table tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Kosovo", "Croatia"], rows.Select(row => row[0]));
        Assert.Equal([kosovo.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), croatia.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)], rows.Select(row => row[1]));
        Assert.Equal(["Kosovo", "Croatia"], page.FindAll("polyline title").Select(title => title.TextContent));
    }

    [Fact]
    public void ClickingAComparedPoint_OpensTheSearchForThatQueryAndYear()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year&cmp=Kosovo");

        page.WaitForElement("circle[data-series=Kosovo][data-bucket='2008-01-01']").Click();

        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.EndsWith("/search?q=Kosovo&from=2008-01-01&to=2008-12-31", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void PerCountryView_LinksEachCountryToItsBusiestPeriod()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=month");

        page.WaitForElement("#coverage-table");
        var kosovo = page.FindAll("#coverage-table tbody tr").Single(row => row.TextContent.Contains("Kosovo", StringComparison.Ordinal));
        var busiest = kosovo.QuerySelectorAll("a")[1];
        Assert.StartsWith("Mar 2008", busiest.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/search?country=XK&from=2008-03-01&to=2008-03-31", busiest.GetAttribute("href"), StringComparison.Ordinal);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _index.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
    }
}

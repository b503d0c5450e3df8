using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Articles;

namespace Monitoring.Web.Tests.Features.Articles;

/// <summary>The article page over a real Lucene index holding the enriched example article.</summary>
public sealed class ArticlePageTests : MudTestContext
{
    private readonly string _indexFolder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneArticleIndex _index;
    private readonly EnrichedArticle _example;

    public ArticlePageTests()
    {
        _index = new LuceneArticleIndex(_indexFolder);
        Services.AddSingleton<IArticleSearch>(_index);
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        _example = enricher.Enrich(TextArticleReader.Read(RepositoryPaths.ExampleArticle, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task ShowsTheCleanText_WithTheEvidenceForSerbiaMarked()
    {
        await _index.IndexAsync([_example], Xunit.TestContext.Current.CancellationToken);

        var page = RenderArticle($"/articles/{_example.Id.Value}?why=country:RS", _example.Id.Value);

        page.WaitForElement("#article-text");
        Assert.Equal("Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans", page.Find("#article-title").TextContent);
        var marked = page.FindAll("#article-text mark.evidence").Select(mark => mark.TextContent).Distinct().ToList();
        Assert.Contains("Belgrade", marked);
        Assert.Contains("Serbia", marked);
        Assert.DoesNotContain("Moscow", marked);
        Assert.DoesNotContain("Accessibility links", page.Find("#article-text").TextContent, StringComparison.Ordinal);
        Assert.Contains("With reporting by AP", page.Find("#article-text").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainsEachTag_AndTheTensionTerms()
    {
        await _index.IndexAsync([_example], Xunit.TestContext.Current.CancellationToken);

        var page = RenderArticle($"/articles/{_example.Id.Value}", _example.Id.Value);

        page.WaitForElement("#why-tagged");
        Assert.Contains("Belgrade", page.Find("[data-tag='country:RS']").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-tag='topic:military-cooperation']"));
        var tensionTerms = page.FindAll("#tension-terms tbody tr").Select(row => row.QuerySelector("td")!.TextContent).ToList();
        Assert.NotEmpty(tensionTerms);
        Assert.All(tensionTerms, term => Assert.Contains(term, _example.Article.Body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AnUnknownId_SaysSo_InsteadOfFailing()
    {
        var page = RenderArticle("/articles/0123456789abcdef", "0123456789abcdef");

        page.WaitForElement("#article-missing");
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _index.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
    }

    private IRenderedComponent<ArticlePage> RenderArticle(string uri, string id)
    {
        Render<MudBlazor.MudPopoverProvider>();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(uri);
        return Render<ArticlePage>(parameters => parameters.Add(page => page.Id, id));
    }
}

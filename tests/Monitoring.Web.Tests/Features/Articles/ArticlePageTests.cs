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
    public async Task ACountryInferredFromTheOutlet_IsShownAsInferred_WithItsSource()
    {
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        var budget = enricher.Enrich(new Article
        {
            Id = ArticleId.ForContent("RTS", "Скупштина усвојила буџет", "Посланици су гласали за буџет."),
            Title = "Скупштина усвојила буџет",
            Paragraphs = ["Посланици су гласали за буџет."],
            Source = "RTS",
            SourceCountry = "RS",
            Language = "sr",
            IngestedAt = DateTimeOffset.UtcNow,
        });
        await _index.IndexAsync([budget], Xunit.TestContext.Current.CancellationToken);

        var page = RenderArticle($"/articles/{budget.Id.Value}", budget.Id.Value);

        page.WaitForElement("#why-tagged");
        var serbia = page.Find("[data-tag='country:RS']").TextContent;
        Assert.Contains("inferred", serbia, StringComparison.Ordinal);
        Assert.Contains("not named in the text: from RTS (Serbia)", serbia, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreaksTheTensionDown_IntoThreatsAndActs()
    {
        await _index.IndexAsync([_example], Xunit.TestContext.Current.CancellationToken);

        var page = RenderArticle($"/articles/{_example.Id.Value}", _example.Id.Value);

        // docs/tension.md works the example through by hand: threats weigh 22, acts 11, nine categories.
        page.WaitForElement("#tension-categories");
        Assert.Contains("Threats weigh 22, acts 11", page.Find("#tension-kinds").TextContent, StringComparison.Ordinal);
        Assert.Equal(9, page.FindAll("#tension-categories tbody tr").Count);
        var warThreats = page.Find("#tension-categories [data-category=war-threats]").TextContent;
        Assert.Contains("threat", warThreats, StringComparison.Ordinal);
        Assert.Contains("9", warThreats, StringComparison.Ordinal);
        Assert.Contains("act", page.Find("#tension-categories [data-category=war-acts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheOtherOutletsCarryingTheStory_FromEitherSide()
    {
        var copy = _example with
        {
            Article = _example.Article with
            {
                Id = ArticleId.ForContent("N1", _example.Article.Title, _example.Article.Body),
                Source = "N1",
                StoryId = _example.Id,
            },
        };
        await _index.IndexAsync([_example, copy], Xunit.TestContext.Current.CancellationToken);

        var original = RenderArticle($"/articles/{_example.Id.Value}", _example.Id.Value);
        original.WaitForElement("#same-story");
        Assert.Equal([copy.Id.Value], original.FindAll("#same-story [data-article-id]").Select(item => item.GetAttribute("data-article-id")));
        Assert.Contains("N1", original.Find("#same-story").TextContent, StringComparison.Ordinal);
        await DisposeComponentsAsync();

        var carried = RenderArticle($"/articles/{copy.Id.Value}", copy.Id.Value);
        carried.WaitForElement("#same-story");
        Assert.Equal([_example.Id.Value], carried.FindAll("#same-story [data-article-id]").Select(item => item.GetAttribute("data-article-id")));
        Assert.Equal($"/stories/{_example.Id.Value}", carried.Find("#who-carried-it").GetAttribute("href"));
    }

    [Fact]
    public async Task SuggestsSimilarArticles_NeverItself()
    {
        var model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);
        var enricher = new ArticleEnricher(model);
        var seeds = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(enricher.Enrich).ToArray();
        await _index.IndexAsync(seeds, Xunit.TestContext.Current.CancellationToken);

        var page = RenderArticle($"/articles/{_example.Id.Value}", _example.Id.Value);

        page.WaitForElement("#similar-articles [data-article-id]");
        var similar = page.FindAll("#similar-articles [data-article-id]").Select(item => item.GetAttribute("data-article-id")).ToList();
        Assert.InRange(similar.Count, 1, 6);
        Assert.DoesNotContain(_example.Id.Value, similar);
        Assert.Empty(page.FindAll("#same-story"));
    }

    [Fact]
    public async Task AHeadlineOnlyArticle_SaysSo_AndKeepsItsTitle()
    {
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        var headline = enricher.Enrich(new Article
        {
            Id = ArticleId.ForUrl(new Uri("https://news.example.org/vucic-kurti")),
            Title = "Vučić and Kurti meet in Brussels",
            Paragraphs = [],
            Source = "Balkan Wire",
            Language = "en",
            Url = new Uri("https://news.example.org/vucic-kurti"),
            IngestedAt = DateTimeOffset.UtcNow,
        });
        await _index.IndexAsync([headline], Xunit.TestContext.Current.CancellationToken);

        var page = RenderArticle($"/articles/{headline.Id.Value}", headline.Id.Value);

        page.WaitForElement("#headline-only");
        Assert.Equal("Vučić and Kurti meet in Brussels", page.Find("#article-title").TextContent);
        Assert.StartsWith("Headline only", page.Find("#headline-only").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#article-text p"));
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

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Outlets;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Stories;

namespace Monitoring.Web.Tests.Features.Stories;

/// <summary>"Who carried it" over a real Lucene index holding the example article and two outlets' copies of it.</summary>
public sealed class StoryPageTests : MudTestContext
{
    private readonly string _indexFolder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneArticleIndex _index;
    private readonly ArticleEnricher _enricher;
    private readonly Article _original;
    private readonly TestSourcesStore _sources;

    public StoryPageTests()
    {
        _index = new LuceneArticleIndex(_indexFolder);
        _sources = TestSourcesStore.AddTo(Services);
        Services.AddSingleton<IArticleSearch>(_index);
        var model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);
        Services.AddSingleton(model);
        _enricher = new ArticleEnricher(model);
        _original = ExampleStory.Original(sourceCountry: "CZ");
    }

    [Fact]
    public async Task ListsEachOutlet_InTheOrderItFirstReported_WithItsHeadlineLinkedToItsArticle()
    {
        var copies = await IndexStoryAsync();

        var page = Render<StoryPage>(parameters => parameters.Add(story => story.Key, _original.Id.Value));

        page.WaitForElement("#story-outlets");
        var rows = page.FindAll("#story-outlets tbody tr");
        Assert.Equal(["RFE/RL", "N1", "Sputnik Srbija"], rows.Select(row => row.GetAttribute("data-outlet")));
        Assert.Equal($"/articles/{copies[1].Id.Value}", rows[1].QuerySelector("a.outlet-headline")!.GetAttribute("href"));
        Assert.Contains(ExampleStory.SecondHeadline, rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 copies", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Czechia", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("17 Feb 2020, 09:00 UTC", rows[0].QuerySelector(".first-reported")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 outlets carried this story", page.Find("#story-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains("24 h later", page.Find("#story-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarksTheCountriesOnlySomeOutletsNamed()
    {
        await IndexStoryAsync();

        var page = Render<StoryPage>(parameters => parameters.Add(story => story.Key, _original.Id.Value));

        page.WaitForElement("#story-outlets");
        var rows = page.FindAll("#story-outlets tbody tr");
        Assert.NotNull(rows[0].QuerySelector(".named-by-some[data-country='XK']"));
        Assert.Null(rows[2].QuerySelector("[data-country='XK']"));
        Assert.NotNull(rows[2].QuerySelector(".named-by-all[data-country='RS']"));
        Assert.Contains("only some outlets", rows[0].QuerySelector("[data-country='XK']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsEachOutletsGroups_AndWhichSidesToldTheStory_EachALinkToTheStorysArticlesFromThatGroup()
    {
        var outlets = Services.GetRequiredService<OutletCatalog>();
        var international = (await outlets.CreateGroupAsync("International services in the region", null, Xunit.TestContext.Current.CancellationToken)).Group!.Id.ToString(CultureInfo.InvariantCulture);
        var serbian = (await outlets.CreateGroupAsync("Serbia — national", null, Xunit.TestContext.Current.CancellationToken)).Group!.Id.ToString(CultureInfo.InvariantCulture);
        var story = ExampleStory.Enriched(_enricher, _original).Select(copy => copy.Article.Source switch
        {
            "RFE/RL" => WithGroups(copy, international),
            "N1" => WithGroups(copy, serbian),
            _ => copy,
        }).ToList();
        await _index.IndexAsync(story, Xunit.TestContext.Current.CancellationToken);

        var page = Render<StoryPage>(parameters => parameters.Add(story => story.Key, _original.Id.Value));

        page.WaitForElement("#story-outlets");
        var rows = page.FindAll("#story-outlets tbody tr");
        Assert.Equal(["International services in the region"], rows[0].QuerySelectorAll(".outlet-group").Select(chip => chip.TextContent.Trim()));
        Assert.Equal(["Serbia — national"], rows[1].QuerySelectorAll(".outlet-group").Select(chip => chip.TextContent.Trim()));
        Assert.Empty(rows[2].QuerySelectorAll(".outlet-group"));
        var sides = page.Find("#story-sides");
        Assert.Equal(
            "Told by International services in the region (RFE/RL) and Serbia — national (N1); 1 outlet in no outlet group.",
            System.Text.RegularExpressions.Regex.Replace(sides.TextContent, @"\s+", " ").Replace(" ;", ";", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal).Trim());
        Assert.Equal($"/search?outlet_group={serbian}&story={_original.Id.Value}", sides.QuerySelector($"a[data-group='{serbian}']")!.GetAttribute("href"));
    }

    [Fact]
    public void AStoryNobodyCarried_SaysSo()
    {
        var page = Render<StoryPage>(parameters => parameters.Add(story => story.Key, _original.Id.Value));

        page.WaitForElement("#story-missing");
        Assert.Contains(_original.Id.Value, page.Find("#story-missing").TextContent, StringComparison.Ordinal);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _index.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
        _sources.Dispose();
    }

    private static EnrichedArticle WithGroups(EnrichedArticle copy, params string[] groups) =>
        copy with { Article = copy.Article with { Outlet = new ArticleOutlet { Groups = groups } } };

    private async Task<IReadOnlyList<EnrichedArticle>> IndexStoryAsync()
    {
        var story = ExampleStory.Enriched(_enricher, _original);
        await _index.IndexAsync(story, Xunit.TestContext.Current.CancellationToken);
        return story;
    }
}

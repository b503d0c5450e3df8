using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

/// <summary>The search page over a real Lucene index holding the shipped seeds.</summary>
public sealed class SearchPageTests : MudTestContext
{
    private const string ExampleHeadline = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans";

    private static readonly EnrichmentModel Model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    private readonly string _indexFolder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-" + Guid.NewGuid().ToString("N"));
    private readonly LuceneArticleIndex _index;
    private readonly TestSourcesStore _sources;

    public SearchPageTests()
    {
        _sources = TestSourcesStore.AddTo(Services);
        _index = new LuceneArticleIndex(_indexFolder, SearchNames.LoadFrom(RepositoryPaths.Seeds).Groups);
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("analyst");
        Authorization.SetPolicies(Policies.Read, Policies.Export);
        Services.AddSingleton<IArticleSearch>(_index);
        Services.AddSingleton(Model);
        Services.AddSingleton(TimeProvider.System);
    }

    private BunitAuthorizationContext Authorization { get; }

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task CreatingAnAlert_IsOfferedOnlyToThoseWhoMayKeepAlerts()
    {
        await IndexSeedsAsync();

        var asAnalyst = RenderPageAt<SearchPage>("/search?q=Shoigu");
        asAnalyst.WaitForElement(".result-title");
        Assert.Empty(asAnalyst.FindAll("#create-alert"));
        await DisposeComponentsAsync();

        Authorization.SetPolicies(Policies.Read, Policies.Export, Policies.Edit);
        var asEditor = RenderPageAt<SearchPage>("/search?q=Shoigu");
        asEditor.WaitForElement(".result-title");
        Assert.Equal("/alerts/new?q=Shoigu", asEditor.Find("#create-alert").GetAttribute("href"));
    }

    [Fact]
    public async Task Searching_Shoigu_ShowsTheExampleArticle_WithTheMatchHighlighted_AndItsCountries()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=Shoigu");

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
    public async Task Searching_ShoigusNameInSerbian_FindsTheExampleArticle_AndSaysWhatElseItSearched()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=%C5%A0ojgu");

        page.WaitForAssertion(() => Assert.Contains(ExampleHeadline, Assert.Single(page.FindAll(".search-hit")).TextContent, StringComparison.Ordinal));
        var note = page.Find("#name-expansions");
        Assert.Contains("Also searching:", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Shoigu", note.QuerySelector("[data-typed='Šojgu']")!.TextContent, StringComparison.Ordinal);

        page.Find("input#expand-names, #expand-names input").Change(false);

        Assert.EndsWith("names=exact", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNamesAsTyped_TheSerbianSpelling_FindsNothing_AndThePageSaysSo()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=%C5%A0ojgu&names=exact");

        page.WaitForElement("#no-results");
        Assert.Contains("only as typed", page.Find("#name-expansions").TextContent, StringComparison.Ordinal);
        page.Find("input#expand-names, #expand-names input").Change(true);
        page.WaitForAssertion(() => Assert.DoesNotContain("names=", Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FilteringByACountry_NarrowsTheResults_AndShowsTheActiveFilter()
    {
        await IndexSeedsAsync();

        var all = RenderPageAt<SearchPage>("/search?q=Kosovo");
        all.WaitForElement(".search-hit");
        var unfiltered = all.Find("#result-count").TextContent;
        await DisposeComponentsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=Kosovo&country=RU");

        page.WaitForElement(".search-hit");
        Assert.NotEqual(unfiltered, page.Find("#result-count").TextContent);
        Assert.Contains("Russia", page.Find(".mud-chip").TextContent, StringComparison.Ordinal);
        Assert.All(page.FindAll(".search-hit"), hit => Assert.Contains("Russia", hit.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyIndex_SaysTheDemoDataIsBeingIngested()
    {
        var page = RenderPageAt<SearchPage>("/search");

        page.WaitForElement("#index-empty");
        Assert.Empty(page.FindAll(".search-hit"));
    }

    [Fact]
    public async Task AQueryNothingMatches_ShowsTheEmptyState()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=xylophonist");

        page.WaitForElement("#no-results");
        Assert.Equal("0 articles", page.Find("#result-count").TextContent.Trim());
    }

    [Fact]
    public async Task AnUnparseableQuery_IsExplained_InsteadOfFailingThePage()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=%22military%20cooperation");

        page.WaitForElement("#search-error");
        Assert.Contains("could not be understood", page.Find("#search-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnclosedParenthesis_IsPointedAt_WhereItStands()
    {
        await IndexSeedsAsync();

        // "Kosovo AND (Serbia": the parenthesis is the 12th character.
        var page = RenderPageAt<SearchPage>("/search?q=Kosovo%20AND%20(Serbia");

        page.WaitForElement("#query-error-text");
        Assert.Contains("character 12", page.Find("#search-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("(", page.Find("#query-error-text mark.query-error-at").TextContent);
        Assert.Equal("Kosovo AND (Serbia", page.Find("#query-error-text code").TextContent);
        Assert.Empty(page.FindAll(".search-hit"));
    }

    [Fact]
    public async Task TickingACountryFacet_PutsItInTheUrl_AndNarrowsTheResultsToItsCount()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search?q=Kosovo");
        page.WaitForElement("[data-facet=country] [data-facet-value=RU]");
        var russiaCount = page.Find("[data-facet=country] [data-facet-value=RU] .facet-count").TextContent;

        page.Find("[data-facet=country] [data-facet-value=RU] input").Change(true);

        // The checkbox's handler runs asynchronously; under load it finishes after Change returns.
        page.WaitForAssertion(() => Assert.Contains("country=RU", Uri, StringComparison.Ordinal));
        Assert.Contains("q=Kosovo", Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(ArticlesText(russiaCount), page.Find("#result-count").TextContent.Trim()));
        Assert.All(page.FindAll(".search-hit"), hit => Assert.Contains("Russia", hit.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TickingAPersonAndALanguage_FiltersByBoth()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search?q=Shoigu");
        page.WaitForElement("[data-facet=person]");

        page.Find("[data-facet=person] [data-facet-value='Sergei Shoigu'] input").Change(true);
        page.WaitForAssertion(() => Assert.Contains("person=Sergei%20Shoigu", Uri, StringComparison.Ordinal));
        page.WaitForElement("[data-facet=language] [data-facet-value=en]").QuerySelector("input")!.Change(true);

        page.WaitForAssertion(() => Assert.Contains("language=en", Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("1 article", page.Find("#result-count").TextContent.Trim()));
        Assert.Contains(page.FindAll("#active-filters .mud-chip"), chip => chip.TextContent.Contains("Sergei Shoigu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAboutToggle_CountsOnlyCountriesTheStoryIsAbout()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search?q=Shoigu");
        page.WaitForElement("[data-facet=country] [data-facet-value=RU]");
        Assert.Equal("true", page.Find("#country-mode-mentioned").GetAttribute("aria-pressed"));
        // The example article mentions Germany once (Nazi Germany) but is not about it.
        Assert.NotEmpty(page.FindAll("[data-facet=country] [data-facet-value=DE]"));

        page.Find("#country-mode-about").Click();

        Assert.Contains("countries=about", Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#country-mode-about").GetAttribute("aria-pressed")));
        Assert.Empty(page.FindAll("[data-facet=country] [data-facet-value=DE]"));
        Assert.NotEmpty(page.FindAll("[data-facet=country] [data-facet-value=RS]"));
    }

    [Fact]
    public async Task ChoosingASuggestion_AddsItsFilter_AndDropsThePartialWord()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search?q=Kosovo");
        page.WaitForElement(".search-hit");

        page.Find("#search-box").Input("Kosovo vuč");
        var suggestion = page.WaitForElement("[data-suggestion='Person:Aleksandar Vučić']", TimeSpan.FromSeconds(5));
        suggestion.Click();

        // Choosing navigates after the pending suggestion lookup settles; on a busy machine that is not immediate.
        page.WaitForAssertion(() => Assert.Contains("person=Aleksandar%20Vu%C4%8Di%C4%87", Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("q=Kosovo", Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("vu%C4%8D&", Uri + "&", StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.All(page.FindAll(".search-hit"), hit => Assert.Contains("Kosovo", hit.TextContent, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ArrowKeysMoveThroughTheSuggestions_AndEnterChoosesTheOneReached()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search?q=Kosovo");
        page.WaitForElement(".search-hit");

        page.Find("#search-box").Input("Kosovo vuč");
        page.WaitForElement("[data-suggestion='Person:Aleksandar Vučić']", TimeSpan.FromSeconds(5));
        var options = page.FindAll("#search-suggestions [role=option]").Select(option => option.GetAttribute("data-suggestion")).ToList();
        var vucic = options.IndexOf("Person:Aleksandar Vučić");

        // Down past the last wraps to the first; one more down and one up cancel out.
        for (var press = 0; press < options.Count + vucic + 1; press++)
        {
            page.Find("#search-box").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        }

        page.Find("#search-box").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        page.Find("#search-box").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });

        // The text field hands keys on asynchronously.
        page.WaitForAssertion(() => Assert.Equal("Person:Aleksandar Vučić", page.Find("#search-suggestions [aria-selected=true]").GetAttribute("data-suggestion")));
        var active = page.Find("#search-suggestions [aria-selected=true]");
        Assert.Equal(active.Id, page.Find("#search-box").GetAttribute("aria-activedescendant"));
        page.Find("#search-box").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Contains("person=Aleksandar%20Vu%C4%8Di%C4%87", Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("q=Kosovo", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escape_ClosesTheSuggestions_WithoutSearching()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search?q=Kosovo");
        page.WaitForElement(".search-hit");

        page.Find("#search-box").Input("Kosovo vuč");
        page.WaitForElement("#search-suggestions", TimeSpan.FromSeconds(5));
        page.Find("#search-box").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        page.Find("#search-box").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#search-suggestions")));
        Assert.Null(page.Find("#search-box").GetAttribute("aria-activedescendant"));
        Assert.EndsWith("/search?q=Kosovo", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSyntaxHelp_ListsExamples_AndChoosingOneSearchesForIt()
    {
        await IndexSeedsAsync();
        var page = RenderPageAt<SearchPage>("/search");
        page.WaitForElement(".search-hit");

        page.Find("#syntax-help-button").Click();
        const string Phrase = "\"military cooperation\"";

        // The help opens in a popover, rendered after the click (and the page re-renders as "what stands out" arrives).
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#syntax-help .syntax-example"), button => button.TextContent == Phrase));
        page.FindAll("#syntax-help .syntax-example").First(button => button.TextContent == Phrase).Click();

        page.WaitForAssertion(() => Assert.Contains("q=%22military%20cooperation%22", Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticlesOfOneStory_AreGrouped_WithTheOtherOutletsListed()
    {
        await IndexSeedsAsync();
        var example = (await _index.GetAsync(ExampleId(), Xunit.TestContext.Current.CancellationToken))!;
        await _index.IndexAsync([Copy(example, "N1"), Copy(example, "Beta")], Xunit.TestContext.Current.CancellationToken);

        var page = RenderPageAt<SearchPage>("/search?q=Shoigu");

        page.WaitForElement("#story-summary");
        Assert.Equal("3 articles", page.Find("#result-count").TextContent.Trim());
        Assert.Equal("1 story from 3 outlets", page.Find("#story-summary").TextContent.Trim());
        var card = Assert.Single(page.FindAll(".search-hit"));
        var outlets = card.QuerySelectorAll(".story-outlet").Select(link => link.TextContent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, outlets.Count);
        Assert.Contains($"story={example.Id.Value}", card.QuerySelector(".story-outlets")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStorySummary_CountsEveryMatchingArticle_NotOnlyThePage()
    {
        await IndexSeedsAsync();
        var example = (await _index.GetAsync(ExampleId(), Xunit.TestContext.Current.CancellationToken))!;
        var copies = Enumerable.Range(1, 24).Select(i => Copy(example, $"Outlet {i:00}")).ToArray();
        await _index.IndexAsync(copies, Xunit.TestContext.Current.CancellationToken);

        var page = RenderPageAt<SearchPage>("/search?q=Shoigu");

        // The example and its 24 copies: 25 articles, more than a page of 20, all one story.
        page.WaitForElement("#story-summary");
        Assert.Equal("25 articles", page.Find("#result-count").TextContent.Trim());
        Assert.Equal("1 story from 25 outlets", page.Find("#story-summary").TextContent.Trim());
        var card = Assert.Single(page.FindAll(".search-hit"));
        Assert.Equal(19, card.QuerySelectorAll(".story-outlet").Length);
    }

    [Fact]
    public async Task OutletGroups_ReadByTheirNames_InTheFacets_AndInTheFilterChips()
    {
        await _sources.LoadSeedSourcesAsync(Xunit.TestContext.Current.CancellationToken);
        await IndexSeedsAsync();
        var names = await Services.GetRequiredService<Ingestion.Outlets.OutletCatalog>().GroupNamesAsync(Xunit.TestContext.Current.CancellationToken);
        var international = names.Groups.Single(group => group.Name == "International services in the region").Id;

        var page = RenderPageAt<SearchPage>("/search?outlet_group=" + international);

        page.WaitForElement(".search-hit");
        // The example article is RFE/RL's, and seeds/sources.json puts RFE/RL among the international services.
        Assert.Equal(ExampleHeadline, Assert.Single(page.FindAll(".result-title")).TextContent.Trim());
        Assert.Equal("outlet group International services in the region", page.Find($"[data-filter='outlet_group:{international}']").TextContent.Trim());
        Assert.Contains("International services in the region", page.Find($"[data-facet=outlet_group] [data-facet-value='{international}']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Group " + international, page.Find("#facet-panel").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGroupIdThatNoGroupHas_ReadsAsAnUnknownGroup_AndMatchesNothing()
    {
        await _sources.LoadSeedSourcesAsync(Xunit.TestContext.Current.CancellationToken);
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?outlet_group=999");

        page.WaitForElement("#no-results");
        Assert.Equal("unknown outlet group 999", page.Find("[data-filter='outlet_group:999']").TextContent.Trim());
    }

    [Fact]
    public async Task DeepPages_FollowTheCursor_AndTheUrlKeepsIt()
    {
        await IndexSeedsAsync();
        var first = RenderPageAt<SearchPage>("/search?q=Kosovo&sort=oldest");
        first.WaitForElement(".search-hit");
        var next = first.Find("#next-page").GetAttribute("href")!;
        var firstPageIds = first.FindAll(".search-hit").Select(hit => hit.GetAttribute("data-article-id")).ToList();
        await DisposeComponentsAsync();

        var second = RenderPageAt<SearchPage>(next);

        second.WaitForElement(".search-hit");
        Assert.Contains("cursor=", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Equal("Page 2 of", second.Find("#page-number").TextContent.Trim()[..9]);
        var secondPageIds = second.FindAll(".search-hit").Select(hit => hit.GetAttribute("data-article-id")).ToList();
        Assert.Empty(firstPageIds.Intersect(secondPageIds));
        // The cursor page is the same page that skipping gives.
        var skipped = await _index.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Oldest, Skip = 20, Take = 20 }, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(skipped.Hits.Select(hit => hit.Article.Id.Value), secondPageIds);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _index.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
        _sources.Dispose();
    }

    private static string ArticlesText(string count) => count == "1" ? "1 article" : count + " articles";

    private static ArticleId ExampleId() =>
        TextArticleReader.Read(RepositoryPaths.ExampleArticle, DateTimeOffset.UtcNow).Id;

    private static EnrichedArticle Copy(EnrichedArticle story, string outlet) => story with
    {
        Article = story.Article with
        {
            Id = ArticleId.ForContent(outlet, story.Article.Title, story.Article.Body),
            Source = outlet,
            StoryId = story.Id,
        },
    };

    [Fact]
    public async Task BesideTheResults_WhatStandsOut_LeadsToTheSameSearchNarrowedToEachPersonOrWord()
    {
        await IndexSeedsAsync();

        var page = RenderPageAt<SearchPage>("/search?q=Srebrenica");

        page.WaitForElement("#significant-terms [data-kind=person] a");
        var people = page.FindAll("#significant-terms [data-kind=person] li");
        Assert.All(people, person => Assert.Equal(
            "/search?q=Srebrenica&person=" + System.Uri.EscapeDataString(person.GetAttribute("data-value")!),
            new System.Uri(person.QuerySelector("a")!.GetAttribute("href")!).PathAndQuery));
        var word = page.Find("#significant-terms [data-kind=word] a");
        Assert.Equal("/search?q=Srebrenica%20" + System.Uri.EscapeDataString(word.TextContent), new System.Uri(word.GetAttribute("href")!).PathAndQuery);
        Assert.Empty(page.FindAll("#significant-loading"));
    }

    /// <summary>Indexes the shipped articles, each with its outlet's data as the sources store has it now (none unless a test loads sources).</summary>
    private async Task IndexSeedsAsync()
    {
        var enricher = new ArticleEnricher(Model);
        var outlets = await _sources.OutletsAsync(Xunit.TestContext.Current.CancellationToken);
        var articles = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(outlets.Apply).Select(enricher.Enrich).ToArray();
        await _index.IndexAsync(articles, Xunit.TestContext.Current.CancellationToken);
    }
}

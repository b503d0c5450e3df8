using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Outlets;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

/// <summary>
/// The shipped seeds in a real Lucene index, their outlets dealt to two outlet groups in turn: group 1, group 2, both.
/// </summary>
public sealed class GroupedSeedIndex : IDisposable
{
    public const string First = "1";
    public const string Second = "2";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-groups-" + Guid.NewGuid().ToString("N"));

    public GroupedSeedIndex()
    {
        Index = new LuceneArticleIndex(_folder);
        var enricher = new ArticleEnricher(SeedIndex.Model);
        var articles = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow)
            .Select((article, i) => enricher.Enrich(article with
            {
                Outlet = new ArticleOutlet { Groups = (i % 3) switch { 0 => [First], 1 => [Second], _ => [First, Second] } },
            }))
            .ToList();
        Index.IndexAsync(articles).GetAwaiter().GetResult();
    }

    public LuceneArticleIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The trends page comparing outlet groups, and filtered by them, over a real index and a real sources store.</summary>
public sealed class GroupComparisonTests : TrendsPageContext, IClassFixture<GroupedSeedIndex>
{
    private const string FirstName = "Serbia — national";
    private const string SecondName = "Kosovo — Albanian-language";

    private readonly LuceneArticleIndex _index;

    public GroupComparisonTests(GroupedSeedIndex seeds)
        : base(seeds.Index)
    {
        _index = seeds.Index;

        // The groups the fixture dealt the outlets to, made as an editor makes them at /sources (ids 1 and 2 in a new store).
        var outlets = Services.GetRequiredService<OutletCatalog>();
        var first = outlets.CreateGroupAsync(FirstName, null, Cancel).GetAwaiter().GetResult().Group!;
        var second = outlets.CreateGroupAsync(SecondName, null, Cancel).GetAwaiter().GetResult().Group!;
        Assert.Equal((GroupedSeedIndex.First, GroupedSeedIndex.Second), (Id(first.Id), Id(second.Id)));
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComparingTwoGroups_DrawsCoverageShareTensionAndTopicMix_WithEachGroupsCounts()
    {
        var kosovoFirst = await TotalAsync(new ArticleQuery { Text = "Kosovo", OutletGroups = [GroupedSeedIndex.First] });
        var kosovoSecond = await TotalAsync(new ArticleQuery { Text = "Kosovo", OutletGroups = [GroupedSeedIndex.Second] });
        // The group's output over the charted years (those of the search's matches), as the charts place articles.
        var years = (await _index.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = "Kosovo" }, DateInterval.Year), Cancel)).Total;
        var charted = new ArticleQuery { OutletGroups = [GroupedSeedIndex.First], From = years[0].Start, To = new DateOnly(years[^1].Start.Year, 12, 31) };
        var allFirst = (await _index.GetCoverageAsync(new CoverageQuery(charted, DateInterval.Year), Cancel)).Total.Sum(bucket => bucket.Count);

        var page = RenderPageAt<TrendsPage>("/trends?q=Kosovo&interval=year&cmpgroup=1&cmpgroup=2");

        page.WaitForElement("#group-table");
        var rows = page.FindAll("#group-table tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([FirstName, SecondName], rows.Select(row => row[0]));
        Assert.Equal([N(kosovoFirst), N(kosovoSecond)], rows.Select(row => row[1]));
        Assert.Equal(N(allFirst), rows[0][2]);
        Assert.Equal(((double)kosovoFirst / allFirst).ToString("P1", CultureInfo.InvariantCulture), rows[0][3]);
        foreach (var chart in new[] { "#group-coverage-svg", "#group-share-svg", "#group-tension-svg" })
        {
            Assert.Equal([FirstName, SecondName], page.FindAll($"{chart} polyline title").Select(title => title.TextContent).Distinct());
        }

        // Each point is named with its group, period and value in words, which the keyboard's readout says.
        Assert.Contains(page.FindAll("#group-tension-svg a.point title"), title => title.TextContent.StartsWith($"{FirstName}, 2008: tension index ", StringComparison.Ordinal));
        Assert.Contains(page.FindAll("#group-share-svg a.point title"), title => title.TextContent.Contains("% of the group's output", StringComparison.Ordinal));

        // One topic bar per group, its bands adding up to the whole bar.
        var bars = page.FindAll("#group-topics-chart .group-topic-row");
        Assert.Equal([GroupedSeedIndex.First, GroupedSeedIndex.Second], bars.Select(bar => bar.GetAttribute("data-group")));
        foreach (var bar in bars)
        {
            var widths = bar.QuerySelectorAll(".group-topic-slice").Select(slice => double.Parse(slice.GetAttribute("style")!.Split("width:")[1].Split('%')[0], CultureInfo.InvariantCulture));
            Assert.Equal(100, widths.Sum(), 1);
        }
    }

    [Fact]
    public void EachPointBandAndRow_OpensThatGroupsArticles_ForItsPeriodOrTopic()
    {
        var page = RenderPageAt<TrendsPage>("/trends?q=Kosovo&interval=year&cmpgroup=1&cmpgroup=2");

        var point = page.WaitForElement("#group-share-svg a.point[data-series='2'][data-bucket='2008-01-01']");
        Assert.Equal("/search?q=Kosovo&outlet_group=2&from=2008-01-01&to=2008-12-31", point.GetAttribute("href"));
        var band = page.Find("#group-topics-chart .group-topic-row[data-group='1'] a.group-topic-slice");
        Assert.Equal($"/search?q=Kosovo&topic={band.GetAttribute("data-topic")}&outlet_group=1", band.GetAttribute("href"));
        Assert.Equal("/search?q=Kosovo&outlet_group=1", page.Find("#group-table tbody tr[data-group='1'] a").GetAttribute("href"));
    }

    [Fact]
    public void WhatStandsOut_IsLookedUpPerGroup_EachTermLinkingToThatGroupsArticles()
    {
        var page = RenderPageAt<TrendsPage>("/trends?q=Kosovo&interval=year&cmpgroup=1&cmpgroup=2");

        page.WaitForAssertion(() =>
        {
            var panels = page.FindAll("#group-significant .group-significant");
            Assert.Equal([GroupedSeedIndex.First, GroupedSeedIndex.Second], panels.Select(panel => panel.GetAttribute("data-group")));
            Assert.All(panels, panel => Assert.Null(panel.QuerySelector(".group-significant-loading")));
        });
        foreach (var group in new[] { GroupedSeedIndex.First, GroupedSeedIndex.Second })
        {
            var links = page.FindAll($"#group-significant .group-significant[data-group='{group}'] li a");
            Assert.NotEmpty(links);
            Assert.All(links, link => Assert.Contains($"outlet_group={group}", link.GetAttribute("href"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void PickingGroups_WritesThemIntoTheUrl_UpToFour()
    {
        var page = RenderPageAt<TrendsPage>("/trends?q=Kosovo&interval=year");

        page.WaitForElement("#group-picker .mud-chip[data-group='2']").Click();

        // The click's handler navigates after an await: on a busy machine the address changes a moment later.
        page.WaitForAssertion(() => Assert.EndsWith("/trends?q=Kosovo&interval=year&cmpgroup=2", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        page.WaitForElement("#group-coverage-svg");
        Assert.Equal("true", page.Find("#group-picker .mud-chip[data-group='2']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task AnOutletGroupFilter_NarrowsEveryChart_ShowsTheGroupsName_AndGoesIntoTheDrillDownLinks()
    {
        var inSecond = (await _index.GetCoverageAsync(new CoverageQuery(new ArticleQuery { OutletGroups = [GroupedSeedIndex.Second] }, DateInterval.Year), Cancel)).Total.Sum(bucket => bucket.Count);

        var page = RenderPageAt<TrendsPage>("/trends?interval=year&outlet_group=2");

        page.WaitForElement("#coverage-svg");
        Assert.Equal($"in {SecondName}", page.Find("#outlet-filters .mud-chip[data-group='2']").TextContent.Trim());
        Assert.Contains($"{N(inSecond)} articles", page.Find("#coverage-chart").TextContent, StringComparison.Ordinal);
        var points = page.FindAll("#coverage-svg a.point, #tension-svg a.point, #topics-svg a.point");
        Assert.NotEmpty(points);
        Assert.All(points, point => Assert.EndsWith("&outlet_group=2", point.GetAttribute("href"), StringComparison.Ordinal));
        await DisposeComponentsAsync();

        // No outlet here has a kind: the filter leaves nothing, and says which kind it is.
        var portals = RenderPageAt<TrendsPage>("/trends?interval=year&outlet_group=2&outlet_kind=portal");
        portals.WaitForElement("#no-coverage");
        Assert.Equal("Portal", portals.Find("#outlet-filters .mud-chip[data-outlet-kind='portal']").TextContent.Trim());
    }

    [Fact]
    public async Task TheOutletSelects_FilterTheChartsThroughTheUrl_NamingTheChosenGroup()
    {
        var page = RenderPageAt<TrendsPage>("/trends?q=Kosovo&interval=year");
        page.WaitForElement("#coverage-svg");
        var groups = page.FindComponents<MudBlazor.MudSelect<string>>().Single(select => select.Instance.Label == "Only outlet groups");

        await groups.InvokeAsync(() => groups.Instance.SelectedValuesChanged.InvokeAsync([GroupedSeedIndex.Second]));

        Assert.EndsWith("/trends?q=Kosovo&interval=year&outlet_group=2", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal($"in {SecondName}", page.Find("#outlet-filters .mud-chip[data-group='2']").TextContent.Trim()));

        var kinds = page.FindComponents<MudBlazor.MudSelect<string>>().Single(select => select.Instance.Label == "Only outlets of kind");
        await kinds.InvokeAsync(() => kinds.Instance.SelectedValuesChanged.InvokeAsync(["portal"]));

        Assert.EndsWith("&outlet_group=2&outlet_kind=portal", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        page.WaitForElement("#no-coverage");
    }

    private async Task<long> TotalAsync(ArticleQuery query) => (await _index.SearchAsync(query with { Take = 0 }, Cancel)).Total;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string N(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}

using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Hosting.AppData;
using Monitoring.Search.Lucene;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

/// <summary>The shipped seeds in a real Lucene index, built once for the test class.</summary>
public sealed class SeedIndex : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitoring-bunit-" + Guid.NewGuid().ToString("N"));

    public SeedIndex()
    {
        Index = new LuceneArticleIndex(_folder);
        var enricher = new ArticleEnricher(Model);
        Index.IndexAsync([.. SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(enricher.Enrich)])
            .GetAwaiter().GetResult();
    }

    public static EnrichmentModel Model { get; } = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    public LuceneArticleIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// The trends page's services as an analyst's circuit has them: the index given, the seeds' enrichment model, a migrated
/// app database and a real (empty) sources store for the outlet groups.
/// </summary>
public abstract class TrendsPageContext : MudTestContext
{
    private readonly string _appDatabase = Path.Combine(Path.GetTempPath(), "monitoring-bunit-app-" + Guid.NewGuid().ToString("N") + ".db");

    protected TrendsPageContext(IArticleSearch index)
    {
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("analyst");
        Authorization.SetPolicies(Policies.Read, Policies.Export);
        Services.AddSingleton(index);
        Services.AddSingleton(SeedIndex.Model);
        Services.AddTrends();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(AppDbContextFactory.Sqlite(_appDatabase));
        Sources = TestSourcesStore.AddTo(Services);
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.Database.Migrate();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected TestSourcesStore Sources { get; }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_appDatabase);
        Sources.Dispose();
    }
}

/// <summary>The trends page over a real Lucene index holding the shipped seeds, with a migrated app database.</summary>
public sealed class TrendsPageTests(SeedIndex seeds) : TrendsPageContext(seeds.Index), IClassFixture<SeedIndex>
{
    private readonly LuceneArticleIndex _index = seeds.Index;

    [Fact]
    public async Task TheEventsButton_ShowsOnlyToThoseWhoMayPinEvents()
    {
        var asAnalyst = RenderPageAt<TrendsPage>("/trends?interval=year");
        asAnalyst.WaitForElement("#coverage-svg");
        Assert.Empty(asAnalyst.FindAll("#manage-events"));
        await DisposeComponentsAsync();

        Authorization.SetPolicies(Policies.Read, Policies.Export, Policies.Edit);
        var asEditor = RenderPageAt<TrendsPage>("/trends?interval=year");
        asEditor.WaitForElement("#coverage-svg");
        Assert.Equal("/events", asEditor.Find("#manage-events").GetAttribute("href"));
    }

    [Fact]
    public void ThePinnedEvents_AreMarkedOnEveryTimeChart()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year");

        page.WaitForElement("#topics-svg");
        foreach (var chart in new[] { "#coverage-svg", "#tension-svg", "#topics-svg" })
        {
            // The first migration pins three real events of the demo period.
            var dates = page.FindAll($"{chart} g.annotation").Select(marker => marker.GetAttribute("data-annotation-date"));
            Assert.Equal(["2006-06-03", "2008-02-17", "2013-04-19"], dates);
        }
    }

    [Fact]
    public void TheWholeViewState_IsReadFromTheUrl()
    {
        const string Url = "/trends?q=Kosovo&interval=week&measure=share&layout=stacked&tz=UTC&basis=ingested&mode=about&from=2000-01-01&to=2030-12-31&bfrom=2008-01-01&bto=2008-03-31";

        var page = RenderPageAt<TrendsPage>(Url);

        page.WaitForElement("#coverage-svg");
        Assert.Equal(Url, "/trends?" + page.Instance.State.ToQueryString());
        Assert.Contains("100 = the average share from 1 Jan 2008 to 31 Mar 2008", page.Find("#tension-base").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("#coverage-svg polygon.series-area"));
    }

    [Fact]
    public void ChangingTheInterval_WritesItIntoTheUrl_AndRedrawsByThatInterval()
    {
        var page = RenderPageAt<TrendsPage>("/trends?q=Kosovo");
        page.WaitForElement("#coverage-svg");
        // The toggle items keep their own selection, set after the chosen interval arrives: clicking Month while it
        // still shows the first render's default (month) would change nothing.
        page.WaitForAssertion(() => Assert.DoesNotContain("mud-toggle-item-selected", IntervalButton(page, "Month").ClassName ?? "", StringComparison.Ordinal));

        IntervalButton(page, "Month").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/trends?q=Kosovo&interval=month", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#coverage-svg a.point[data-bucket='2008-02-01']")));
    }

    [Fact]
    public void WithoutAnInterval_ThePageOpensOnTheOneTheDataCanCarry_AndSaysItChoseIt()
    {
        var page = RenderPageAt<TrendsPage>("/trends");

        page.WaitForElement("#coverage-svg");
        // The demo corpus is about one article a week over 24 years: only years give its countries enough articles a point.
        Assert.Equal("true", page.Find("#interval-auto").GetAttribute("aria-pressed"));
        Assert.Contains("Articles per year", page.Find("#coverage-chart").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("#coverage-svg a.point[data-bucket='2008-01-01']"));
        Assert.EndsWith("/trends", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void SmallMultiples_DrawOneChartPerCountry_AllOnOneScale()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year&multiples=yes");

        page.WaitForElement("#coverage-multiples");
        var charts = page.FindAll("#coverage-multiples .small-multiple");
        Assert.True(charts.Count > 1, "One chart per country.");
        Assert.Equal(charts.Count, charts.Select(chart => chart.GetAttribute("data-series")).Distinct().Count());
        // Shared axes: every small chart has the same top tick.
        var tops = charts.Select(chart => chart.QuerySelectorAll("text.axis-label").Select(label => label.TextContent).First()).Distinct();
        Assert.Single(tops);
        Assert.Empty(page.FindAll("#coverage-svg"));
        Assert.Equal(page.FindAll("#tension-multiples .small-multiple").Count, charts.Count + 1);
    }

    [Fact]
    public void TensionPointsOnAHandfulOfArticles_AreDrawnFaded_WithTheirCount_OffTheLine()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=month");

        page.WaitForElement("#tension-svg");
        var uncertain = page.FindAll("#tension-svg a.uncertain-point");
        Assert.NotEmpty(uncertain);
        Assert.All(uncertain, point => Assert.Matches(@"\(only \d+ articles?: too few to read\)$", point.QuerySelector("title")!.TextContent));
        Assert.NotEmpty(page.FindAll("#tension-svg circle.uncertain"));
    }

    [Fact]
    public void EveryChartPoint_IsNamedWithSeriesPeriodAndValueInWords()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year");

        page.WaitForElement("#topics-svg");
        var names = (string chart) => page.FindAll($"{chart} a.point title").Select(title => title.TextContent).ToList();
        Assert.NotEmpty(names("#coverage-svg"));
        Assert.All(names("#coverage-svg"), name => Assert.Matches(@"^[^,]+, \d{4}: \d+ articles?$", name));
        Assert.NotEmpty(names("#tension-svg"));
        Assert.All(names("#tension-svg"), name => Assert.Matches(@"^[^,]+, \d{4}: tension index \d+ \((only )?[\d,]+ articles?(: too few to read)?\)$", name));
        Assert.All(names("#topics-svg"), name => Assert.Matches(@"^.+, \d{4}: [\d.]+% of the topic tags$", name));
    }

    [Fact]
    public void ARollingMean_IsKeptInTheUrl()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year&avg=3");

        page.WaitForElement("#coverage-svg");
        Assert.Equal(3, page.Instance.State.Rolling);
        Assert.Equal("interval=year&avg=3", page.Instance.State.ToQueryString());
    }

    [Fact]
    public void ClickingATopicBand_OpensTheSearchForThatTopicAndYear()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year");

        var band = page.WaitForElement("#topics-svg a.point[data-bucket='2008-01-01']:not([data-series=total])");
        var topic = band.GetAttribute("data-series");

        Assert.Equal($"/search?topic={topic}&from=2008-01-01&to=2008-12-31", band.GetAttribute("href"));
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
        Assert.Equal(["Kosovo", "Croatia"], page.FindAll("#coverage-svg polyline title").Select(title => title.TextContent));
    }

    [Fact]
    public void ClickingAComparedPoint_OpensTheSearchForThatQueryAndYear()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year&cmp=Kosovo");

        var point = page.WaitForElement("a.point[data-series=Kosovo][data-bucket='2008-01-01']");

        Assert.Equal("/search?q=Kosovo&from=2008-01-01&to=2008-12-31", point.GetAttribute("href"));
    }

    [Fact]
    public void Prerendered_ThePageDrawsItsCharts_BeforeTheCircuitIsUp()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = RenderPageAt<TrendsPage>("/trends?interval=year");

        page.WaitForElement("#topics-svg");
        Assert.NotEmpty(page.FindAll("#coverage-svg a.point[data-series=XK][data-bucket='2008-01-01']"));
        Assert.NotEmpty(page.FindAll("#tension-svg polyline"));
        Assert.NotNull(page.Find("#interval"));
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

    [Fact]
    public void WithoutOutletGroups_ThePickerSaysWhereToMakeThem()
    {
        var page = RenderPageAt<TrendsPage>("/trends?interval=year");

        var empty = page.WaitForElement("#no-groups");
        Assert.Equal("/sources", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("#coverage-svg"));
    }

    private static AngleSharp.Dom.IElement IntervalButton(IRenderedComponent<TrendsPage> page, string label) =>
        page.FindAll("#interval button").Single(button => button.TextContent.Contains(label, StringComparison.Ordinal));
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Sources;
using Monitoring.Web.Features.Sources;

namespace Monitoring.Web.Tests.Features.Sources;

/// <summary>The Sources page on a real sources store (SQLite in a temporary folder).</summary>
public sealed class SourcesPageTests : MudTestContext
{
    private readonly TestSourcesStore _store;

    public SourcesPageTests()
    {
        _store = TestSourcesStore.AddTo(Services);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Model);
    }

    private static readonly Core.Enrichment.EnrichmentModel Model = Core.Enrichment.EnrichmentModel.LoadFrom(Monitoring.Tests.RepositoryPaths.Seeds);

    private FeedSourceCatalog Catalog => Services.GetRequiredService<FeedSourceCatalog>();

    [Fact]
    public void WithoutSources_SaysSo()
    {
        var page = RenderPageAt<SourcesPage>("/sources");

        page.WaitForElement("#sources-empty");
        Assert.Empty(page.FindAll("#sources-table"));
    }

    [Theory]
    [InlineData("n1info.rs/feed", "'n1info.rs/feed' is not an absolute http(s) address")]
    [InlineData("http://192.168.0.1/rss", "would never be fetched: 192.168.0.1 resolves to 192.168.0.1, a loopback, private or reserved address; requests there are refused unless OutboundRequests:AllowedNetworks lists it")]
    public async Task Add_RefusesAnAddressThatIsNoUrl_OrOneOnThePrivateNetwork_AndSaysWhy(string url, string reason)
    {
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement("#sources-empty");

        page.Find("#source-name").Change("N1 Srbija");
        page.Find("#source-url").Change(url);
        await page.Find("#add-source-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(reason, page.Markup, StringComparison.Ordinal));
        Assert.Empty(await Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.NotEmpty(page.FindAll("#sources-empty"));
    }

    [Fact]
    public async Task Add_WithAValidFeed_ListsIt_AsActive()
    {
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement("#sources-empty");

        page.Find("#source-name").Change("N1 Srbija");
        page.Find("#source-url").Change("https://n1info.rs/feed/");
        page.Find("#source-interval").Change("10");
        await page.Find("#add-source-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("N1 Srbija", page.Find(".source-name").TextContent.Trim()));
        Assert.Equal("Active", page.Find(".source-state").TextContent.Trim());
        var stored = Assert.Single(await Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(("https://n1info.rs/feed/", TimeSpan.FromMinutes(10), true), (stored.Url, stored.PollInterval, stored.Enabled));
    }

    [Fact]
    public async Task Pause_ShowsThePausedState_AndStopsTheDispatcherFromPollingIt()
    {
        await Catalog.AddAsync(new NewFeedSource { Name = "Balkan Insight", Url = "https://balkaninsight.com/feed/" }, Xunit.TestContext.Current.CancellationToken);
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement(".toggle-source");

        await page.Find("button.toggle-source").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find(".source-state").TextContent.Trim()));
        Assert.False(Assert.Single(await Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken)).Enabled);

        await page.Find("button.toggle-source").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Active", page.Find(".source-state").TextContent.Trim()));
    }

    [Fact]
    public async Task TheHealthColumns_ShowTheLastError()
    {
        var added = await Catalog.AddAsync(new NewFeedSource { Name = "Broken", Url = "https://broken.example.org/feed" }, Xunit.TestContext.Current.CancellationToken);
        using (var db = _store.Factory.CreateDbContext())
        {
            var source = await db.FeedSources.SingleAsync(Xunit.TestContext.Current.CancellationToken);
            source.LastError = "HTTP 503 Service Unavailable from https://broken.example.org/feed";
            source.ConsecutiveFailures = 3;
            source.ItemsPerDay = 12.5;
            source.MedianLag = TimeSpan.FromMinutes(7);
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var page = RenderPageAt<SourcesPage>("/sources");

        page.WaitForElement(".source-error");
        Assert.True(added.Succeeded);
        Assert.Equal("HTTP 503 Service Unavailable from https://broken.example.org/feed", page.Find(".source-error").TextContent.Trim());
        Assert.Equal("Failing ×3", page.Find(".source-state").TextContent.Trim());
        Assert.Contains("7 min", page.Find("#sources-table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutletGroups_WithoutAny_SaySo_AndACreatedGroup_IsListed_WhileATakenNameIsRefused()
    {
        await Catalog.AddAsync(new NewFeedSource { Name = "RTS", Url = "https://www.rts.rs/rss/ci.xml" }, Xunit.TestContext.Current.CancellationToken);
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement("#groups-empty");

        page.Find("#group-name").Change("Serbia — national");
        page.Find("#group-description").Change("Outlets based in Serbia");
        await page.Find("#add-group-button").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Serbia — national", page.Find(".group-name").TextContent.Trim()));
        page.Find("#group-name").Change("SERBIA — national");
        await page.Find("#add-group-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("\"SERBIA — national\" is already the name of a group", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#groups-empty"));
        Assert.Equal("Outlets based in Serbia", page.Find(".group-description").TextContent.Trim());
        Assert.Single(await Outlets.ListGroupsAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TickingASource_PutsItInTheGroup_AndRetagsItsArticles_AndUntickingTakesItOut()
    {
        var rts = (await Catalog.AddAsync(new NewFeedSource { Name = "RTS", Url = "https://www.rts.rs/rss/ci.xml" }, Xunit.TestContext.Current.CancellationToken)).Source!;
        await Catalog.AddAsync(new NewFeedSource { Name = "Danas", Url = "https://www.danas.rs/feed/" }, Xunit.TestContext.Current.CancellationToken);
        var group = (await Outlets.CreateGroupAsync("Serbia — national", null, Xunit.TestContext.Current.CancellationToken)).Group!;
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement(".outlet-group");

        page.Find($".group-member[data-source-id='{rts.Id}'] input").Change(true);

        page.WaitForAssertion(() => Assert.Contains("1 outlet", page.Find(".outlet-group").TextContent, StringComparison.Ordinal));
        Assert.Equal([rts.Id], Assert.Single(await Outlets.ListGroupsAsync(Xunit.TestContext.Current.CancellationToken)).SourceIds);
        var retag = Assert.Single(Jobs.EnqueuedJobs("default", 0, 10)).Value.Job;
        Assert.Equal(["RTS"], (string[])retag.Args[0]);

        page.Find($".group-member[data-source-id='{rts.Id}'] input").Change(false);
        page.WaitForAssertion(() => Assert.Contains("no outlets", page.Find(".outlet-group").TextContent, StringComparison.Ordinal));
        Assert.Empty(Assert.Single(await Outlets.ListGroupsAsync(Xunit.TestContext.Current.CancellationToken)).SourceIds);
        Assert.Equal(group.Id, Assert.Single(await Outlets.ListGroupsAsync(Xunit.TestContext.Current.CancellationToken)).Id);
    }

    [Fact]
    public async Task RenamingAGroup_ShowsTheNewName_AndAnEmptyNameIsRefused()
    {
        var group = (await Outlets.CreateGroupAsync("Kosovo", null, Xunit.TestContext.Current.CancellationToken)).Group!;
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement(".edit-group");

        await page.Find("button.edit-group").ClickAsync(new());
        page.Find($"#group-{group.Id}-name").Change(" ");
        await page.Find("button.save-group").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("is required", page.Markup, StringComparison.Ordinal));
        page.Find($"#group-{group.Id}-name").Change("Kosovo — Albanian-language");
        await page.Find("button.save-group").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Kosovo — Albanian-language", page.Find(".group-name").TextContent.Trim()));
        Assert.Equal("Kosovo — Albanian-language", Assert.Single(await Outlets.ListGroupsAsync(Xunit.TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task EditingAnOutlet_SavesItsCountryKindAndLanguages_ListsThem_KeepsItsGroups_AndRetagsItsArticles()
    {
        var rts = (await Catalog.AddAsync(new NewFeedSource { Name = "RTS", Url = "https://www.rts.rs/rss/ci.xml" }, Xunit.TestContext.Current.CancellationToken)).Source!;
        var group = (await Outlets.CreateGroupAsync("Serbia — national", null, Xunit.TestContext.Current.CancellationToken)).Group!;
        Assert.Empty(await Outlets.SetMembersAsync(group.Id, [rts.Id], Xunit.TestContext.Current.CancellationToken));
        var enqueuedBefore = Jobs.EnqueuedCount("default");
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement(".edit-outlet");

        await page.Find("button.edit-outlet").ClickAsync(new());
        page.WaitForElement("#outlet-form");
        Assert.Contains("keep the country and kind they were indexed with until they are re-tagged", page.Find("#outlet-retag-note").TextContent, StringComparison.Ordinal);
        page.Find("#outlet-country").Change("rs");
        page.Find("#outlet-languages").Change("sr, en");
        var kind = page.FindComponent<MudBlazor.MudSelect<Core.Articles.OutletKind?>>();
        await kind.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(Core.Articles.OutletKind.PublicBroadcaster));
        await page.Find("#save-outlet").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("RS · Public broadcaster · sr, en", page.Find(".source-outlet").TextContent.Trim()));
        Assert.Empty(page.FindAll("#outlet-form"));
        var stored = Assert.Single(await Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(("RS", (Core.Articles.OutletKind?)Core.Articles.OutletKind.PublicBroadcaster), (stored.Country, stored.Kind));
        Assert.Equal(["sr", "en"], stored.Languages);
        Assert.Equal([rts.Id], Assert.Single(await Outlets.ListGroupsAsync(Xunit.TestContext.Current.CancellationToken)).SourceIds);
        Assert.Equal(enqueuedBefore + 1, Jobs.EnqueuedCount("default"));
        Assert.All(Jobs.EnqueuedJobs("default", 0, 10), job => Assert.Equal(["RTS"], (string[])job.Value.Job.Args[0]));
    }

    [Theory]
    [InlineData("Serbia", "sr", "'Serbia' is not an ISO 3166 alpha-2 code such as \"RS\"")]
    [InlineData("ZZ", "sr", "'ZZ' is not a country code the gazetteer knows; use ISO 3166 alpha-2 such as \"RS\", or \"XK\" for Kosovo")]
    [InlineData("XK", "sq, albanian", "'albanian' is not an ISO 639 code such as \"sr\"")]
    public async Task AnOutletCountryOrLanguageThatIsNoCode_IsRefused_SayingWhy_AndNothingIsSaved(string country, string languages, string error)
    {
        await Catalog.AddAsync(new NewFeedSource { Name = "Koha" }, Xunit.TestContext.Current.CancellationToken);
        var page = RenderPageAt<SourcesPage>("/sources");
        page.WaitForElement(".edit-outlet");
        await page.Find("button.edit-outlet").ClickAsync(new());
        page.WaitForElement("#outlet-form");

        page.Find("#outlet-country").Change(country);
        page.Find("#outlet-languages").Change(languages);
        await page.Find("#save-outlet").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(error, page.Find("#outlet-form").TextContent, StringComparison.Ordinal));
        var stored = Assert.Single(await Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Equal((null, 0), (stored.Country, stored.Languages.Count));
        Assert.Equal(0, Jobs.EnqueuedCount("default"));
    }

    private OutletCatalog Outlets => Services.GetRequiredService<OutletCatalog>();

    private Hangfire.Storage.IMonitoringApi Jobs => _store.Jobs.GetMonitoringApi();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _store.Dispose();
        }
    }
}

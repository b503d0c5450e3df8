using Bunit;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Store;
using Monitoring.Web.Features.Sources;

namespace Monitoring.Web.Tests.Features.Sources;

/// <summary>The Sources page on a real sources store (SQLite in a temporary folder).</summary>
public sealed class SourcesPageTests : MudTestContext
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-sources-page-").FullName;

    public SourcesPageTests()
    {
        var path = Path.Combine(_folder, "ingestion.db");
        using (var db = IngestionStore.Open(path))
        {
        }

        Services.AddSingleton<IDbContextFactory<IngestionDbContext>>(IngestionStoreFactory.Sqlite(path));
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage(new InMemoryStorageOptions())));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new DestinationGuard(Microsoft.Extensions.Options.Options.Create(new OutboundRequestsOptions())));
        Services.AddSingleton<FeedSourceCatalog>();
    }

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
        using (var db = Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>().CreateDbContext())
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

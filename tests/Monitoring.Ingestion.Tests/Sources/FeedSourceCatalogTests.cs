using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Sources;

namespace Monitoring.Ingestion.Tests.Sources;

public sealed class FeedSourceCatalogTests
{
    [Theory]
    [InlineData("not a url", "url 'not a url' is not an absolute http(s) address")]
    [InlineData("ftp://feeds.example.org/rss", "url 'ftp://feeds.example.org/rss' is not an absolute http(s) address")]
    [InlineData("/relative/feed.xml", "url '/relative/feed.xml' is not an absolute http(s) address")]
    public async Task Add_RefusesAnAddressThatIsNoHttpUrl(string url, string error)
    {
        await using var harness = new PollingHarness();

        var result = await harness.Catalog.AddAsync(new NewFeedSource { Name = "N1", Url = url }, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(error, Assert.Single(result.Errors).ToString());
        Assert.Empty(await harness.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Add_WithoutAnAddress_StoresAnOutletThatIsNeverPolled(string url)
    {
        await using var harness = new PollingHarness();

        var result = await harness.Catalog.AddAsync(new NewFeedSource { Name = "Wikipedia Current events", Url = url, Languages = ["en"] }, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var stored = Assert.Single(await harness.Catalog.ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(((string?)null, false, true), (stored.Url, stored.IsFeed, stored.Enabled));
        Assert.Equal(["en"], stored.Languages);
        Assert.False(stored.IsDue(DateTimeOffset.MaxValue));
        Assert.Empty(await harness.DispatchAsync());
    }

    [Theory]
    [InlineData("http://127.0.0.2/feed.xml", "127.0.0.2 resolves to 127.0.0.2")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 resolves to 169.254.169.254")]
    [InlineData("http://10.1.2.3:8080/rss", "10.1.2.3 resolves to 10.1.2.3")]
    [InlineData("http://[::1]/feed", "::1 resolves to ::1")]
    [InlineData("http://192.168.1.1/feed", "192.168.1.1 resolves to 192.168.1.1")]
    public async Task Add_RefusesAFeedTheOutboundRulesWouldAlwaysRefuse_SayingWhy(string url, string reason)
    {
        // The harness allows 127.0.0.1/32 only, as the test suites do for their loopback servers.
        await using var harness = new PollingHarness();

        var result = await harness.Catalog.AddAsync(new NewFeedSource { Name = "Internal", Url = url }, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("url", error.Field);
        Assert.StartsWith("would never be fetched: " + reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("OutboundRequests:AllowedNetworks", error.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Add_KeepsAFeedOnAnAllowedNetwork_AndOneWhoseNameDoesNotResolveYet()
    {
        await using var harness = new PollingHarness();

        var allowed = await harness.Catalog.AddAsync(new NewFeedSource { Name = "Local", Url = "http://127.0.0.1:9/feed.xml" }, TestContext.Current.CancellationToken);
        var unresolved = await harness.Catalog.AddAsync(new NewFeedSource { Name = "Later", Url = "https://feeds.outlet.invalid/rss" }, TestContext.Current.CancellationToken);

        Assert.True(allowed.Succeeded, string.Join("; ", allowed.Errors));
        Assert.True(unresolved.Succeeded, string.Join("; ", unresolved.Errors));
    }

    [Fact]
    public async Task Add_RefusesAnIntervalOutsideOneMinuteToOneDay_AndAnUnknownZone_AndATakenUrl()
    {
        await using var harness = new PollingHarness();
        var draft = new NewFeedSource { Name = "N1", Url = "https://n1info.rs/feed/" };

        var tooOften = await harness.Catalog.AddAsync(draft with { PollInterval = TimeSpan.FromSeconds(30), TimeZone = "Europe/Atlantis" }, TestContext.Current.CancellationToken);
        var added = await harness.Catalog.AddAsync(draft, TestContext.Current.CancellationToken);
        var again = await harness.Catalog.AddAsync(draft with { Name = "Again" }, TestContext.Current.CancellationToken);

        Assert.Equal(["pollInterval", "timeZone"], tooOften.Errors.Select(error => error.Field));
        Assert.True(added.Succeeded);
        Assert.Equal("url is already followed as \"N1\"", Assert.Single(again.Errors).ToString());
    }

    [Fact]
    public async Task Remove_DeletesTheSourceAndItsItemRecords_ButNotItsInboxItems()
    {
        await using var harness = new PollingHarness();
        var source = (await harness.Catalog.AddAsync(new NewFeedSource { Name = "N1", Url = "https://n1info.rs/feed/" }, TestContext.Current.CancellationToken)).Source!;
        using (var db = harness.OpenStore())
        {
            db.FeedItemRecords.Add(new FeedItemRecord { SourceId = source.Id, Key = "https://n1info.rs/a", FirstSeenAt = PollingHarness.Start });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(await harness.Catalog.RemoveAsync(source.Id, TestContext.Current.CancellationToken));

        using var after = harness.OpenStore();
        Assert.Empty(await after.FeedSources.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await after.FeedItemRecords.ToListAsync(TestContext.Current.CancellationToken));
        Assert.False(await harness.Catalog.RemoveAsync(source.Id, TestContext.Current.CancellationToken));
        // Its articles lose its outlet data: one re-tag of its name.
        var retag = Assert.Single(harness.JobStorage.GetMonitoringApi().EnqueuedJobs("default", 0, 10)).Value.Job;
        Assert.Equal(typeof(Monitoring.Ingestion.Outlets.OutletRetagJob), retag.Type);
        Assert.Equal(["N1"], (string[])retag.Args[0]);
    }

    [Fact]
    public async Task PollNow_EnqueuesAPoll_EvenOfAPausedSource()
    {
        await using var harness = new PollingHarness();
        var source = (await harness.Catalog.AddAsync(new NewFeedSource { Name = "N1", Url = "https://n1info.rs/feed/", Enabled = false }, TestContext.Current.CancellationToken)).Source!;

        Assert.True(await harness.Catalog.PollNowAsync(source.Id, TestContext.Current.CancellationToken));

        var monitoring = harness.JobStorage.GetMonitoringApi();
        var job = Assert.Single(monitoring.EnqueuedJobs("default", 0, 10)).Value.Job;
        Assert.Equal((typeof(FeedPollJob), nameof(FeedPollJob.PollAsync), source.Id), (job.Type, job.Method.Name, (int)job.Args[0]));
    }

    [Fact]
    public void Backoff_DoublesFromTheInterval_AndStopsAtTheCap_UnlessTheIntervalIsLonger()
    {
        var cap = TimeSpan.FromHours(6);

        Assert.Equal(TimeSpan.FromMinutes(15), FeedPollJob.Backoff(TimeSpan.FromMinutes(15), 1, cap));
        Assert.Equal(TimeSpan.FromMinutes(120), FeedPollJob.Backoff(TimeSpan.FromMinutes(15), 4, cap));
        Assert.Equal(cap, FeedPollJob.Backoff(TimeSpan.FromMinutes(15), 500, cap));
        Assert.Equal(TimeSpan.FromHours(12), FeedPollJob.Backoff(TimeSpan.FromHours(12), 3, cap));
    }
}

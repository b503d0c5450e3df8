using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingestion.DropFolder;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Sources;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests.Features.Hosting;

/// <summary>The three roles of "Hosting:Role": what each process serves and which background work it runs.</summary>
public sealed class HostingRoleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDefaultRole_ServesPages_AndRunsTheJobServer_TheWatcher_AndTheRecurringJobs()
    {
        await using var app = new TestApp(new Dictionary<string, string>());
        await app.CreateUserAsync("analyst", Roles.Analyst);
        using var client = await app.SignedInClientAsync("analyst");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, service => service is BackgroundJobServerHostedService);
        Assert.Contains(hosted, service => service is DropFolderWatcher);
        Assert.Contains(hosted, service => service is SeedIngestionStarter);
        var recurring = RecurringJobIds(app);
        Assert.Contains(InboxStarter.SweepJobId, recurring);
        Assert.Contains(FeedPollDispatcher.RecurringJobId, recurring);
        Assert.Contains(DropFolderSweepJob.RecurringJobId, recurring);
        Assert.True(Directory.Exists(app.DropFolder));
    }

    [Fact]
    public async Task AWebNode_ServesPages_AndEnqueues_ButRunsNoJobServer_NoWatcher_AndSchedulesNothing()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["Hosting:Role"] = "Web" });
        await app.CreateUserAsync("analyst", Roles.Analyst);
        using var client = await app.SignedInClientAsync("analyst");

        var front = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        Assert.Contains("<title>Overview · Balkan media monitor</title>", front, StringComparison.Ordinal);
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, service => service is BackgroundJobServerHostedService);
        Assert.DoesNotContain(hosted, service => service is DropFolderWatcher);
        Assert.DoesNotContain(hosted, service => service is SeedIngestionStarter);
        Assert.Empty(RecurringJobIds(app));
        Assert.False(Directory.Exists(app.DropFolder));

        // The inbox starter's job is enqueued for a worker and stays in the queue: nothing here takes it.
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        Assert.Empty(monitoring.Servers());
        Assert.Equal(1, monitoring.EnqueuedCount("default"));
    }

    [Fact]
    public async Task AWorker_ServesOnlyHealthAndReadiness_AndRunsTheJobs()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["Hosting:Role"] = "Worker" });
        using var client = app.CreateClient();

        foreach (var page in new[] { "/", "/search?q=Kosovo", "/trends", "/alerts", "/jobs", "/api/search/export.csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(page, UriKind.Relative), Cancel)).StatusCode);
        }

        using var push = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), new StringContent("{}"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, push.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel)).StatusCode);
        Assert.Contains(app.Services.GetServices<IHostedService>(), service => service is BackgroundJobServerHostedService);
        Assert.Contains(InboxStarter.SweepJobId, RecurringJobIds(app));
    }

    [Fact]
    public async Task AnUnknownRole_StopsTheStart_NamingTheSetting()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["Hosting:Role"] = "Everything" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Hosting:Role", failure.ToString(), StringComparison.Ordinal);
    }

    private static List<string> RecurringJobIds(TestApp app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(job => job.Id).ToList();
    }
}

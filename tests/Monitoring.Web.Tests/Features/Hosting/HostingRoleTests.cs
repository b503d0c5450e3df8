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

/// <summary>The two roles of "Hosting:Role": the web app alone, or with the worker's services in the same process.</summary>
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

        // Nothing here takes jobs: they wait for the worker host (Monitoring.Worker, tested in its own project).
        Assert.Empty(app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers());
    }

    [Fact]
    public async Task AnUnknownRole_StopsTheStart_NamingTheSetting()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["Hosting:Role"] = "Worker" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Hosting:Role", failure.ToString(), StringComparison.Ordinal);
    }

    private static List<string> RecurringJobIds(TestApp app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(job => job.Id).ToList();
    }
}

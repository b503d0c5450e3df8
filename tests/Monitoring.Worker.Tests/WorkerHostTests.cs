using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Alerts;
using Monitoring.Alerts.Data;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.DropFolder;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Sources;

namespace Monitoring.Worker.Tests;

/// <summary>The worker host: the jobs and their schedules, and nothing of the web app but /health and /ready.</summary>
public sealed class WorkerHostTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWorker_ServesOnlyHealthAndReadiness()
    {
        await using var worker = new TestWorker();
        using var client = worker.CreateClient();

        foreach (var page in new[] { "/", "/search?q=Kosovo", "/trends", "/alerts", "/jobs", "/api/search/export.csv", "/account/login" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(page, UriKind.Relative), Cancel)).StatusCode);
        }

        using var push = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), new StringContent("{}"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, push.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative), Cancel)).StatusCode);
        var ready = await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"status\":\"ready\"", await ready.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWorker_StartedAloneOnAFreshDatabase_MigratesTheAppDatabase_AndRunsTheAlertJobsOnIt()
    {
        await using var worker = new TestWorker();
        using var client = worker.CreateClient();

        await using var app = await worker.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);
        Assert.NotEmpty(await app.Database.GetAppliedMigrationsAsync(Cancel));
        Assert.Empty(await app.Database.GetPendingMigrationsAsync(Cancel));
        await using var alerts = await worker.Services.GetRequiredService<IDbContextFactory<AlertsDbContext>>().CreateDbContextAsync(Cancel);
        Assert.Equal(0, await alerts.Alerts.CountAsync(Cancel));
        Assert.Equal(0, await worker.Services.GetRequiredService<AlertScanJob>().ScanAsync(Cancel));
        Assert.Equal(0, await worker.Services.GetRequiredService<AlertDeliveryJob>().DeliverAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task TheWorker_RunsTheJobServer_TheWatcher_TheSeedsStarter_AndKeepsEverySchedule()
    {
        await using var worker = new TestWorker();
        using var client = worker.CreateClient();

        var hosted = worker.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, service => service is BackgroundJobServerHostedService);
        Assert.Contains(hosted, service => service is DropFolderWatcher);
        Assert.Contains(hosted, service => service is SeedIngestionStarter);
        Assert.True(Directory.Exists(worker.DropFolder));
        using var connection = worker.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().Select(job => job.Id).ToList();
        Assert.Contains(InboxStarter.SweepJobId, recurring);
        Assert.Contains(FeedPollDispatcher.RecurringJobId, recurring);
        Assert.Contains(DropFolderSweepJob.RecurringJobId, recurring);
        Assert.Contains(AlertScanJob.RecurringJobId, recurring);
        Assert.Contains(AlertDigestJob.RecurringJobId, recurring);
        Assert.Contains(AlertDeliveryJob.RecurringJobId, recurring);
    }
}

using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Hosting.Jobs;
using Monitoring.Tests;

namespace Monitoring.Worker.Tests.Jobs;

/// <summary>
/// PostgreSQL job storage frees a killed process's job locks after a few seconds (so work resumes soon after a
/// restart), and must still keep a live job's lock for as long as the job runs: [DisableConcurrentExecution] holds.
/// </summary>
public sealed class PostgreSqlJobLocksTests(PostgreSqlServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobRunningLongerThanTheLockTimeout_KeepsItsLock_SoTheNextRunStartsAfterItEnds()
    {
        var database = await postgres.CreateDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:PostgreSqlConnectionString"] = database.ConnectionString,
            ["Jobs:WorkerCount"] = "2",
        });
        builder.Services.AddJobStorage();
        builder.Services.AddJobServer();
        builder.Services.AddSingleton<Runs>();
        builder.Services.AddTransient<OneAtATimeJob>();
        using var host = builder.Build();
        await host.StartAsync(Cancel);
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var runs = host.Services.GetRequiredService<Runs>();

        // Two runs enqueued together, two workers free: the second waits for the lock the first holds well past the timeout.
        jobs.Enqueue<OneAtATimeJob>(job => job.RunAsync("first"));
        jobs.Enqueue<OneAtATimeJob>(job => job.RunAsync("second"));
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            deadline.CancelAfter(TimeSpan.FromMinutes(2));
            while (runs.Finished.Count < 2)
            {
                await Task.Delay(100, deadline.Token);
            }
        }

        await host.StopAsync(Cancel);
        var ordered = runs.Finished.OrderBy(run => run.Started).ToList();
        Assert.True(ordered[0].Ended - ordered[0].Started > JobsServiceCollectionExtensions.PostgreSqlLockTimeout, "the first run did not outlast the lock timeout");
        Assert.True(
            ordered[1].Started >= ordered[0].Ended,
            $"the {ordered[1].Name} run started at {ordered[1].Started:HH:mm:ss.fff}, while the {ordered[0].Name} one ran ({ordered[0].Started:HH:mm:ss.fff}–{ordered[0].Ended:HH:mm:ss.fff})");
    }

    public sealed record Run(string Name, DateTimeOffset Started, DateTimeOffset Ended);

    public sealed class Runs
    {
        public ConcurrentBag<Run> Finished { get; } = [];
    }

    public sealed class OneAtATimeJob(Runs runs)
    {
        /// <summary>Works for the lock timeout and two renewals more (what a long inbox run does for minutes).</summary>
        [DisableConcurrentExecution(timeoutInSeconds: 60)]
        [AutomaticRetry(Attempts = 0)]
        public async Task RunAsync(string name)
        {
            var started = DateTimeOffset.UtcNow;
            await Task.Delay(JobsServiceCollectionExtensions.PostgreSqlLockTimeout * 1.4);
            runs.Finished.Add(new Run(name, started, DateTimeOffset.UtcNow));
        }
    }
}

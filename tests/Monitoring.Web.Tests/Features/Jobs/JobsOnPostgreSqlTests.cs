using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Tests;
using Monitoring.Worker.Tests;
using Npgsql;

namespace Monitoring.Web.Tests.Features.Jobs;

/// <summary>Hangfire on PostgreSQL: many nodes on one queue, each job run once.</summary>
public sealed class JobsOnPostgreSqlTests(PostgreSqlServer postgres)
{
    private const int Burst = 200;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABurstEnqueuedByAWebNode_IsRunByTwoWorkers_EachJobExactlyOnce_NoneLost()
    {
        var database = await postgres.CreateDatabaseAsync();
        await BurstLedger.CreateTablesAsync(database.ConnectionString);
        await using var worker1 = Worker(database, "worker-1");
        await using var worker2 = Worker(database, "worker-2");
        await using var web = Node(database, "Web", "web");
        using var client1 = worker1.CreateClient();
        using var client2 = worker2.CreateClient();
        using var webClient = web.CreateClient();
        var monitoring = web.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await WaitUntilAsync(() => monitoring.Servers().Count == 2, "both workers' servers to announce themselves");

        var jobs = web.Services.GetRequiredService<IBackgroundJobClient>();
        var ids = Enumerable.Range(1, Burst).Select(key => jobs.Enqueue<BurstJob>(job => job.RunAsync(key))).ToList();
        using var connection = web.Services.GetRequiredService<JobStorage>().GetConnection();
        await WaitUntilAsync(
            () => ids.All(id => connection.GetStateData(id)?.Name == "Succeeded"),
            $"all {Burst} jobs to succeed");

        var ledger = await BurstLedger.ReadAsync(database.ConnectionString);
        Assert.Equal(Burst, ledger.Attempts); // a job run twice would have made a second attempt row
        Assert.Equal(Enumerable.Range(1, Burst), ledger.Keys); // none lost
        Assert.Equal(["worker-1", "worker-2"], ledger.Workers); // both took part
    }

    [Fact]
    public async Task TheSeeds_AreIngested_ThroughAPostgreSqlQueue()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var app = new TestApp(new Dictionary<string, string>
        {
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:PostgreSqlConnectionString"] = database.ConnectionString,
            ["Ingestion:IngestSeedsOnStart"] = "true",
        });
        using var client = app.CreateClient();

        await AppStartTests.WaitForArticlesAsync(client, AppStartTests.ShippedArticles);
    }

    [Fact]
    public async Task Ready_Answers503_NamingTheJobs_WhenTheirDatabaseIsGone()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var app = Node(database, "Web", "web");
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel)).StatusCode);

        await postgres.DropDatabaseAsync(database);
        using var response = await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("""{"name":"jobs","status":"failed","detail":""", body, StringComparison.Ordinal);
        Assert.Contains("""{"name":"search","status":"ok""", body, StringComparison.Ordinal);
    }

    private static TestApp Node(PostgreSqlDatabase database, string role, string name) =>
        new(
            new Dictionary<string, string>
            {
                ["Hosting:Role"] = role,
                ["Jobs:Storage"] = "PostgreSql",
                ["Jobs:PostgreSqlConnectionString"] = database.ConnectionString,
                ["Jobs:WorkerCount"] = "4",
            },
            services => services.AddSingleton(new BurstLedger(name, database.ConnectionString)));

    private static TestWorker Worker(PostgreSqlDatabase database, string name) =>
        new(
            new Dictionary<string, string>
            {
                ["Jobs:Storage"] = "PostgreSql",
                ["Jobs:PostgreSqlConnectionString"] = database.ConnectionString,
                ["Jobs:WorkerCount"] = "4",
            },
            services => services.AddSingleton(new BurstLedger(name, database.ConnectionString)));

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what} after 90 s.");
            }

            await Task.Delay(200, Cancel);
        }
    }
}

/// <summary>The job of the burst: records that it started, then that it ran, under a key that may run only once.</summary>
public sealed class BurstJob(BurstLedger ledger)
{
    public Task RunAsync(int key) => ledger.RecordAsync(key);
}

/// <summary>Two tables: every attempt (no constraint, so a second run shows) and every run (the key is unique).</summary>
public sealed class BurstLedger(string worker, string connectionString)
{
    public static async Task CreateTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            "CREATE TABLE burst_attempts (job_key int NOT NULL, worker text NOT NULL);" +
            "CREATE TABLE burst_runs (job_key int PRIMARY KEY, worker text NOT NULL);",
            connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task<(long Attempts, List<int> Keys, List<string> Workers)> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var attempts = new NpgsqlCommand("SELECT count(*) FROM burst_attempts", connection);
        var attemptCount = (long)(await attempts.ExecuteScalarAsync())!;
        var keys = new List<int>();
        await using (var read = new NpgsqlCommand("SELECT job_key FROM burst_runs ORDER BY job_key", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetInt32(0));
            }
        }

        var workers = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT DISTINCT worker FROM burst_runs ORDER BY worker", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                workers.Add(reader.GetString(0));
            }
        }

        return (attemptCount, keys, workers);
    }

    public async Task RecordAsync(int key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var attempt = new NpgsqlCommand("INSERT INTO burst_attempts VALUES ($1, $2)", connection) { Parameters = { new() { Value = key }, new() { Value = worker } } };
        await attempt.ExecuteNonQueryAsync();
        await Task.Delay(10); // a little work, so that both workers' servers take part
        await using var run = new NpgsqlCommand("INSERT INTO burst_runs VALUES ($1, $2)", connection) { Parameters = { new() { Value = key }, new() { Value = worker } } };
        await run.ExecuteNonQueryAsync();
    }
}

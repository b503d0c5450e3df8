using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Core.Search;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Hosting.Status;

/// <summary>The dependencies a node needs before it takes traffic or jobs, each checked by <c>GET /ready</c>.</summary>
internal static class ReadinessChecks
{
    public const string Search = "search";
    public const string AppDatabase = "app-database";
    public const string Jobs = "jobs";
    public const string IngestionStore = "ingestion-store";
    public const string IndexWrites = "index-writes";

    private const string ReadyTag = "ready";

    // Long enough for a busy cluster, short enough that an orchestrator's probe does not time out first.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SearchAnswers>(Search, HealthStatus.Unhealthy, [ReadyTag], Timeout)
            .AddCheck<DatabaseOpens<AppDbContext>>(AppDatabase, HealthStatus.Unhealthy, [ReadyTag], Timeout)
            .AddCheck<JobStorageAnswers>(Jobs, HealthStatus.Unhealthy, [ReadyTag], Timeout)
            .AddCheck<IngestionStoreOpens>(IngestionStore, HealthStatus.Unhealthy, [ReadyTag], Timeout)
            .AddCheck<IndexWritesSucceed>(IndexWrites, HealthStatus.Unhealthy, [ReadyTag], Timeout);
        return services;
    }

    public static bool IsReadinessCheck(HealthCheckRegistration registration) => registration.Tags.Contains(ReadyTag);

    private sealed class SearchAnswers(IArticleSearch search) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            var articles = await search.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{articles} articles");
        }
    }

    private sealed class DatabaseOpens<TContext>(IDbContextFactory<TContext> contexts) : IHealthCheck
        where TContext : DbContext
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using (db)
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The database does not open.");
            }
        }
    }

    private sealed class IngestionStoreOpens(IngestionHealth ingestion) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
            await ingestion.StoreOpensAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not open.");
    }

    /// <summary>
    /// Unready while this process's writes to the index fail (a failed commit until a later one succeeds): the node
    /// still answers searches, but what comes in is not indexed, and an orchestrator should see it.
    /// </summary>
    private sealed class IndexWritesSucceed(IngestionHealth ingestion) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            if (ingestion.IndexWriteFailure is not { } failure)
            {
                return HealthCheckResult.Healthy();
            }

            var waiting = await ingestion.OldestPendingAgeAsync(cancellationToken);
            return HealthCheckResult.Unhealthy(string.Create(
                CultureInfo.InvariantCulture,
                $"writing the search index fails since {failure.Since:u} ({failure.Attempts} attempts, the last at {failure.LastAt:u}): {failure.Message}; the oldest item waiting in the inbox was received {waiting?.TotalSeconds ?? 0:0} s ago"));
        }
    }

    private sealed class JobStorageAnswers(JobStorage storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            // Hangfire's storage API is synchronous: a read of one (absent) hash takes a round trip to the store.
            await Task.Run(
                () =>
                {
                    using var connection = storage.GetConnection();
                    connection.GetAllEntriesFromHash("monitoring:readiness-probe");
                },
                cancellationToken).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy(storage.GetType().Name);
        }
    }
}

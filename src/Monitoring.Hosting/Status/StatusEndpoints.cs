using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Hosting.Status;

public static class StatusEndpoints
{
    /// <summary>The checks behind <c>GET /ready</c>: search engine, app database, job storage, ingestion store.</summary>
    public static IServiceCollection AddStatus(this IServiceCollection services) => services.AddReadinessChecks();

    /// <summary>
    /// GET /health (liveness, open to anyone): 200 with the number of indexed articles while the search engine answers,
    /// how long the oldest item waiting in the inbox has waited (seconds, null when none waits) and the failure of
    /// this process's writes to the index, if the last ones failed.
    /// GET /ready (readiness, open to anyone, for load balancers): 200 when every dependency answers, else 503 naming each that failed and why.
    /// </summary>
    public static WebApplication MapStatus(this WebApplication app)
    {
        app.MapGet("/health", async (IArticleSearch search, IngestionHealth ingestion, CancellationToken cancellationToken) =>
        {
            var articles = await search.CountAsync(cancellationToken);
            var oldestPending = await ingestion.OldestPendingAgeAsync(cancellationToken);
            return Results.Ok(new LivenessReport("ok", articles, oldestPending?.TotalSeconds, ingestion.IndexWriteFailure));
        }).AllowAnonymous();
        app.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = ReadinessChecks.IsReadinessCheck,
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.Select(entry => new CheckReport(
            entry.Key,
            entry.Value.Status == HealthStatus.Healthy ? "ok" : "failed",
            entry.Value.Exception?.Message ?? entry.Value.Description));
        var readiness = new ReadinessReport(report.Status == HealthStatus.Healthy ? "ready" : "not ready", checks.ToList());
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, readiness, JsonSerializerOptions.Web, http.RequestAborted);
    }

    private sealed record LivenessReport(string Status, long Articles, double? OldestPendingSeconds, IndexWriteFailure? IndexWriteFailure);

    private sealed record ReadinessReport(string Status, IReadOnlyList<CheckReport> Checks);

    private sealed record CheckReport(string Name, string Status, string? Detail);
}

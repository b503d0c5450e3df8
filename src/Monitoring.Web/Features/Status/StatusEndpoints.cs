using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Status;

public static class StatusEndpoints
{
    /// <summary>GET /health (open to anyone, for load balancers): 200 with the number of indexed articles while the search engine answers.</summary>
    public static WebApplication MapStatus(this WebApplication app)
    {
        app.MapGet("/health", async (IArticleSearch search, CancellationToken cancellationToken) =>
            Results.Ok(new HealthReport("ok", await search.CountAsync(cancellationToken)))).AllowAnonymous();
        return app;
    }

    private sealed record HealthReport(string Status, long Articles);
}

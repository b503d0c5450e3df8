using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Trends;

public static class TrendsEndpoints
{
    /// <summary>GET /api/trends/coverage.csv: the chart's data with the query and time basis written into the file.</summary>
    public static WebApplication MapTrends(this WebApplication app)
    {
        app.MapGet("/api/trends/coverage.csv", ExportCoverageAsync);
        return app;
    }

    public static string CsvPath(string? text, DateInterval interval) =>
        $"/api/trends/coverage.csv?interval={interval.ToString().ToLowerInvariant()}"
        + (string.IsNullOrWhiteSpace(text) ? "" : "&q=" + Uri.EscapeDataString(text));

    private static async Task<Results<FileContentHttpResult, BadRequest<string>>> ExportCoverageAsync(
        string? q, string? interval, IArticleSearch search, EnrichmentModel enrichment, TimeProvider clock, CancellationToken cancellationToken)
    {
        var bucket = DateInterval.Month;
        if (interval is not null && !Enum.TryParse(interval, ignoreCase: true, out bucket))
        {
            return TypedResults.BadRequest($"Unknown interval '{interval}'; use day, week, month or year.");
        }

        CoverageTrend trend;
        try
        {
            trend = await search.GetCoverageAsync(new CoverageQuery(new ArticleQuery { Text = q }, bucket), cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            return TypedResults.BadRequest(invalid.Message);
        }

        var csv = CoverageCsv.Write(trend, q, code => enrichment.CountryName(code), clock.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv",
            $"coverage-{bucket.ToString().ToLowerInvariant()}-{clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv");
    }
}

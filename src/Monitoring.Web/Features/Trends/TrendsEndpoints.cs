using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Core.Enrichment;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Trends;

public static class TrendsEndpoints
{
    /// <summary>
    /// GET /api/trends/{coverage|tension|topics}.csv with the trends page's query parameters: each chart's
    /// data with its query and parameters written into the file.
    /// </summary>
    public static WebApplication MapTrends(this WebApplication app)
    {
        app.MapGet("/api/trends/{chart}.csv", ExportAsync).RequireAuthorization(Policies.Export);
        return app;
    }

    /// <summary>The CSV of <paramref name="chart"/> for the view <paramref name="state"/>.</summary>
    public static string CsvPath(TrendChart chart, TrendState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var query = state.ToQueryString();
        return $"/api/trends/{TrendState.Lower(chart)}.csv" + (query.Length == 0 ? "" : "?" + query);
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>, NotFound>> ExportAsync(
        string chart, HttpRequest request, TrendsLoader loader, EnrichmentModel enrichment, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<TrendChart>(chart, ignoreCase: true, out var which) || !Enum.IsDefined(which))
        {
            return TypedResults.NotFound();
        }

        var state = TrendState.FromUri(new Uri("http://localhost/" + request.QueryString.Value));
        TrendsData data;
        try
        {
            data = await loader.LoadAsync(state, cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            return TypedResults.BadRequest(invalid.Message);
        }

        var now = clock.GetUtcNow();
        var csv = which switch
        {
            TrendChart.Tension => TrendsCsv.Tension(data, enrichment.CountryName, now),
            TrendChart.Topics => TrendsCsv.Topics(data, enrichment.TopicLabel, now),
            _ => TrendsCsv.Coverage(data, enrichment.CountryName, now),
        };
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv",
            $"{TrendState.Lower(which)}-{TrendState.Lower(data.Interval)}-{now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv");
    }
}

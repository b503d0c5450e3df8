using System.Data.Common;
using System.Globalization;
using System.Text;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Outlets;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// GET /api/search/export.csv and /api/search/export.json: every article matching the search page's URL
/// parameters, streamed as it is read (no cap), with the query, filters and time basis written first.
/// </summary>
public static class SearchExportEndpoints
{
    public const string CsvPath = "/api/search/export.csv";
    public const string JsonPath = "/api/search/export.json";

    public static WebApplication MapSearchExport(this WebApplication app)
    {
        app.MapGet(CsvPath, (HttpContext context, IArticleSearch search, OutletCatalog outlets, TimeProvider clock) =>
            ExportAsync(context, search, outlets, groups => new CsvExportWriter(groups), clock)).RequireAuthorization(Policies.Export);
        app.MapGet(JsonPath, (HttpContext context, IArticleSearch search, OutletCatalog outlets, TimeProvider clock) =>
            ExportAsync(context, search, outlets, groups => new JsonExportWriter(groups), clock)).RequireAuthorization(Policies.Export);
        return app;
    }

    private static async Task ExportAsync(
        HttpContext context, IArticleSearch search, OutletCatalog outlets, Func<OutletGroupNames, IExportWriter> writerFor, TimeProvider clock)
    {
        var cancellationToken = context.RequestAborted;
        OutletGroupNames groups;
        try
        {
            groups = await outlets.GroupNamesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbException or IOException)
        {
            // Unlike the pages, an export cannot fall back to "unknown group" names: it would check outlet_group against
            // no groups and refuse a good link, or label every row wrongly. The failure is the server's, and passes.
            context.Response.Headers.RetryAfter = "30";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, $"The sources store cannot be read right now ({ex.GetType().Name}), so the outlet groups cannot be named; try again in a moment.", cancellationToken);
            return;
        }

        var writer = writerFor(groups);
        if (ExportParameters.Problems(context.Request.Query, groups) is { Count: > 0 } problems)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, string.Join('\n', problems.Select(problem => $"{problem.Parameter}: {problem.Problem}")), cancellationToken);
            return;
        }

        var state = SearchState.FromQuery(context.Request.Query);
        var now = clock.GetUtcNow();
        var articles = search.ExportAsync(state.ToArticleQuery(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            bool any;
            try
            {
                // The engine checks the query when enumeration starts: a bad query is still a clean 400.
                any = await articles.MoveNextAsync();
            }
            catch (ArgumentException invalid)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, invalid.Message, cancellationToken);
                return;
            }

            context.Response.ContentType = writer.ContentType;
            context.Response.Headers.ContentDisposition =
                $"attachment; filename=\"search-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.{writer.Extension}\"";
            // Proxies must pass rows on as they come, not hold the whole export.
            context.Response.Headers["X-Accel-Buffering"] = "no";

            var body = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
            await using (body)
            {
                await writer.WriteStartAsync(body, ExportMetadata.Describe(state, now, groups));
                var rows = 0L;
                while (any)
                {
                    await writer.WriteArticleAsync(body, articles.Current, rows == 0);
                    if (++rows % 500 == 0)
                    {
                        await body.FlushAsync(cancellationToken);
                    }

                    any = await articles.MoveNextAsync();
                }

                await writer.WriteEndAsync(body, rows);
            }
        }
        finally
        {
            await articles.DisposeAsync();
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string why, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(why, cancellationToken);
    }
}

/// <summary>One export format.</summary>
internal interface IExportWriter
{
    string ContentType { get; }

    string Extension { get; }

    Task WriteStartAsync(TextWriter writer, IReadOnlyList<(string Key, string Value)> metadata);

    Task WriteArticleAsync(TextWriter writer, EnrichedArticle article, bool first);

    Task WriteEndAsync(TextWriter writer, long rows);
}

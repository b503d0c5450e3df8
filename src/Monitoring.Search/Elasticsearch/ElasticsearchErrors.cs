using System.Globalization;
using Elastic.Transport.Products.Elasticsearch;

namespace Monitoring.Search.Elasticsearch;

/// <summary>Turns a failed response into the exception the product can act on.</summary>
internal static class ElasticsearchErrors
{
    public const string IndexNotFound = "index_not_found_exception";

    /// <summary>Returns when the response is a success; throws otherwise.</summary>
    /// <param name="queryText">The analyst's text, when the request carried one: a 400 parse error becomes <see cref="InvalidQueryException"/>.</param>
    public static void ThrowIfFailed(ElasticsearchResponse response, string operation, string? queryText = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsValidResponse)
        {
            return;
        }

        throw ToException(response, operation, queryText);
    }

    public static Exception ToException(ElasticsearchResponse response, string operation, string? queryText = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var details = response.ApiCallDetails;
        var url = details?.Uri?.GetLeftPart(UriPartial.Path) ?? "(no URL)";
        var status = details?.HttpStatusCode;
        if (status is null)
        {
            var cause = details?.OriginalException;
            return new ElasticsearchRequestException(
                $"Elasticsearch did not answer {operation} at {url}: {cause?.Message ?? "no response"}", null, null, cause);
        }

        var error = response.ElasticsearchServerError?.Error;
        var type = error?.Type;
        var reason = error?.RootCause?.FirstOrDefault()?.Reason ?? error?.Reason ?? "no reason given";

        // The text was parsed here already, so a 400 for a search means the cluster will not run a valid
        // query (a prefix expanding to too many terms, a limit): the analyst gets that reason, not a crash.
        if (status == 400 && queryText is not null)
        {
            return new InvalidQueryException(
                string.Create(CultureInfo.InvariantCulture, $"The search \"{queryText}\" cannot be run by Elasticsearch: {reason}. Narrow it (longer prefixes, fewer words) and try again."),
                queryText,
                details?.OriginalException);
        }

        return new ElasticsearchRequestException(
            $"Elasticsearch refused {operation} at {url} with {status} {type}: {reason}", status, type, details?.OriginalException);
    }

    public static bool IsIndexNotFound(ElasticsearchResponse response) =>
        response.ApiCallDetails?.HttpStatusCode == 404 && response.ElasticsearchServerError?.Error?.Type == IndexNotFound;
}

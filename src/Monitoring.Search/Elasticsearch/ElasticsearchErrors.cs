using System.Globalization;
using System.Text.RegularExpressions;
using Elastic.Transport.Products.Elasticsearch;

namespace Monitoring.Search.Elasticsearch;

/// <summary>Turns a failed response into the exception the product can act on.</summary>
internal static partial class ElasticsearchErrors
{
    public const string IndexNotFound = "index_not_found_exception";

    private const string Help = "Combine words with AND, OR, NOT (or -word), \"exact phrases\", ( ) groups and a trailing *.";

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
        var causes = Flatten(error).ToList();
        if (status == 400 && queryText is not null && causes.Any(IsParseError))
        {
            return new InvalidQueryException(DescribeSyntaxError(queryText, causes), queryText, details?.OriginalException);
        }

        var type = error?.Type;
        var reason = error?.RootCause?.FirstOrDefault()?.Reason ?? error?.Reason ?? "no reason given";
        return new ElasticsearchRequestException(
            $"Elasticsearch refused {operation} at {url} with {status} {type}: {reason}", status, type, details?.OriginalException);
    }

    public static bool IsIndexNotFound(ElasticsearchResponse response) =>
        response.ApiCallDetails?.HttpStatusCode == 404 && response.ElasticsearchServerError?.Error?.Type == IndexNotFound;

    /// <summary>
    /// The same words as the Lucene engine's message ("cannot be understood"), plus where the parser
    /// stopped when Elasticsearch says so.
    /// </summary>
    private static string DescribeSyntaxError(string text, List<ErrorCause> causes)
    {
        var column = causes.Select(cause => ColumnPattern().Match(cause.Reason ?? string.Empty)).FirstOrDefault(match => match.Success);
        var where = column is null ? string.Empty : $" near character {column.Groups[1].Value}";
        var reason = causes.Any(cause => cause.Reason?.Contains("not allowed as first character", StringComparison.Ordinal) == true)
            ? "a word cannot start with * or ?"
            : text.Count(c => c == '"') % 2 != 0 ? "a quotation mark is not closed"
            : text.Count(c => c == '(') != text.Count(c => c == ')') ? "the parentheses do not pair up"
            : "an operator or symbol is out of place";
        return string.Create(CultureInfo.InvariantCulture, $"The search \"{text}\" cannot be understood{where}: {reason}. {Help}");
    }

    private static bool IsParseError(ErrorCause cause) =>
        cause.Type is "parse_exception" or "query_shard_exception" or "query_parsing_exception";

    private static IEnumerable<ErrorCause> Flatten(Error? error)
    {
        if (error is null)
        {
            yield break;
        }

        var pending = new Stack<ErrorCause>([error, .. error.RootCause ?? []]);
        while (pending.TryPop(out var cause))
        {
            yield return cause;
            if (cause.CausedBy is not null)
            {
                pending.Push(cause.CausedBy);
            }
        }
    }

    [GeneratedRegex(@"column (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnPattern();
}

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Elasticsearch did not do what was asked: no node answered, or the cluster refused the request. The
/// message names the operation, the URL and Elasticsearch's own reason.
/// </summary>
public class ElasticsearchRequestException : Exception
{
    public ElasticsearchRequestException()
    {
    }

    public ElasticsearchRequestException(string message)
        : base(message)
    {
    }

    public ElasticsearchRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ElasticsearchRequestException(string message, int? statusCode, string? errorType, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The HTTP status, or null when no node answered.</summary>
    public int? StatusCode { get; }

    /// <summary>Elasticsearch's error type, e.g. "index_not_found_exception".</summary>
    public string? ErrorType { get; }
}

/// <summary>One article Elasticsearch would not index, with its reason.</summary>
public sealed record IndexingFailure(string ArticleId, int Status, string? ErrorType, string? Reason);

/// <summary>
/// Some articles could not be indexed even after retries; every other article of the call was indexed
/// and is searchable. <see cref="Failures"/> lists each refused article with Elasticsearch's reason.
/// </summary>
public sealed class ElasticsearchIndexingException : ElasticsearchRequestException
{
    public ElasticsearchIndexingException()
    {
    }

    public ElasticsearchIndexingException(string message)
        : base(message)
    {
    }

    public ElasticsearchIndexingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ElasticsearchIndexingException(IReadOnlyList<IndexingFailure> failures)
        : base(Describe(failures))
    {
        Failures = failures;
    }

    public IReadOnlyList<IndexingFailure> Failures { get; } = [];

    private static string Describe(IReadOnlyList<IndexingFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var examples = string.Join("; ", failures.Take(5).Select(f => $"{f.ArticleId}: {f.Status} {f.ErrorType} {f.Reason}"));
        return $"{failures.Count} article(s) could not be indexed (the others were): {examples}";
    }
}

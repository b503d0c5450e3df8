using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// Writes documents in bulk requests keyed by article id (so writing again replaces). A request or an
/// item refused with 429 (queue full) or 503 (unavailable) is sent again after a doubling delay, only the
/// refused items; any other item error is permanent. Nothing is dropped silently: permanent failures are
/// returned with their reasons for the caller to raise once everything else is written.
/// </summary>
internal sealed class BulkIndexer(ElasticsearchClient client, ElasticsearchSearchOptions options)
{
    private static readonly int[] RetryableStatuses = [429, 503];

    public async Task<List<IndexingFailure>> WriteAsync(IReadOnlyList<ArticleSearchDocument> documents, CancellationToken cancellationToken)
    {
        var failures = new List<IndexingFailure>();
        foreach (var batch in documents.Chunk(options.BulkBatchSize))
        {
            failures.AddRange(await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false));
        }

        return failures;
    }

    private async Task<List<IndexingFailure>> WriteBatchAsync(ArticleSearchDocument[] batch, CancellationToken cancellationToken)
    {
        // The last document of an id wins, as a second write of it would.
        var pending = new Dictionary<string, ArticleSearchDocument>(StringComparer.Ordinal);
        foreach (var document in batch)
        {
            pending[document.Id] = document;
        }

        var failures = new List<IndexingFailure>();
        var refused = new Dictionary<string, IndexingFailure>(StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            refused.Clear();
            var response = await client.BulkAsync(Request(pending.Values), cancellationToken).ConfigureAwait(false);
            var status = response.ApiCallDetails?.HttpStatusCode;
            if (status is { } whole && RetryableStatuses.Contains(whole))
            {
                var error = response.ElasticsearchServerError?.Error;
                foreach (var id in pending.Keys)
                {
                    refused[id] = new IndexingFailure(id, whole, error?.Type, error?.Reason);
                }
            }
            else if (status != 200 || response.Items is null)
            {
                throw ElasticsearchErrors.ToException(response, "a bulk request");
            }
            else
            {
                foreach (var item in response.Items)
                {
                    var id = item.Id ?? string.Empty;
                    if (item.Error is null && item.Status is >= 200 and < 300)
                    {
                        pending.Remove(id);
                        continue;
                    }

                    var failure = new IndexingFailure(id, item.Status, item.Error?.Type, item.Error?.Reason);
                    if (RetryableStatuses.Contains(item.Status))
                    {
                        refused[id] = failure;
                    }
                    else
                    {
                        failures.Add(failure);
                        pending.Remove(id);
                    }
                }
            }

            if (pending.Count == 0)
            {
                return failures;
            }

            if (attempt >= options.RetryCount)
            {
                failures.AddRange(pending.Keys.Select(id => refused.TryGetValue(id, out var failure)
                    ? failure with { Reason = $"{failure.Reason} (still refused after {options.RetryCount} retries)" }
                    : new IndexingFailure(id, 0, null, "no result in the bulk response")));
                return failures;
            }

            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private BulkRequest Request(IEnumerable<ArticleSearchDocument> documents)
    {
        var operations = new BulkOperationsCollection();
        foreach (var document in documents)
        {
            operations.Add(new BulkIndexOperation<ArticleSearchDocument>(document) { Id = document.Id });
        }

        return new BulkRequest(options.Alias) { Operations = operations };
    }
}

using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport.Products.Elasticsearch;

namespace Monitoring.Search.Elasticsearch;

/// <summary>
/// An index the product reaches only through its alias, created with its definition on first use. Shared
/// by the articles index and the alert percolator, so both survive a concurrent creator, an index left
/// without its alias and an index deleted by hand in the same way.
/// </summary>
internal sealed class VersionedIndex : IDisposable
{
    private readonly ElasticsearchClient _client;
    private readonly Func<CreateIndexRequest> _createRequest;
    private readonly Func<CancellationToken, Task>? _beforeCreate;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _ready;

    /// <param name="client">The client every request goes through.</param>
    /// <param name="alias">The alias the product reads and writes through.</param>
    /// <param name="indexName">The versioned index behind the alias.</param>
    /// <param name="createRequest">Creates the index with its settings, mappings and the alias.</param>
    /// <param name="beforeCreate">Runs before each creation (installing an index template).</param>
    public VersionedIndex(
        ElasticsearchClient client, string alias, string indexName, Func<CreateIndexRequest> createRequest, Func<CancellationToken, Task>? beforeCreate = null)
    {
        _client = client;
        Alias = alias;
        IndexName = indexName;
        _createRequest = createRequest;
        _beforeCreate = beforeCreate;
    }

    public string Alias { get; }

    public string IndexName { get; }

    /// <summary>
    /// Sends a request after making sure the index exists. Should the index have gone since (deleted by
    /// hand), it is created again and the request repeated once, so the product answers "nothing yet"
    /// instead of failing. The response is returned as it is, failed or not.
    /// </summary>
    public async Task<TResponse> SendAsync<TResponse>(Func<CancellationToken, Task<TResponse>> send, CancellationToken cancellationToken)
        where TResponse : ElasticsearchResponse
    {
        ArgumentNullException.ThrowIfNull(send);
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var response = await send(cancellationToken).ConfigureAwait(false);
        if (ElasticsearchErrors.IsIndexNotFound(response))
        {
            _ready = false;
            await EnsureAsync(cancellationToken).ConfigureAwait(false);
            response = await send(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary><see cref="SendAsync"/>, throwing when the response is a failure.</summary>
    /// <param name="queryText">The analyst's text, when the request carried one (see <see cref="ElasticsearchErrors.ThrowIfFailed"/>).</param>
    public async Task<TResponse> RunAsync<TResponse>(
        Func<CancellationToken, Task<TResponse>> send, string operation, string? queryText, CancellationToken cancellationToken)
        where TResponse : ElasticsearchResponse
    {
        var response = await SendAsync(send, cancellationToken).ConfigureAwait(false);
        ElasticsearchErrors.ThrowIfFailed(response, operation, queryText);
        return response;
    }

    /// <summary>Creates the versioned index with its alias unless the alias exists; safe against a concurrent creator.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            var exists = await _client.Indices.ExistsAliasAsync(new ExistsAliasRequest(Alias), cancellationToken).ConfigureAwait(false);
            if (exists.ApiCallDetails?.HttpStatusCode is not (200 or 404))
            {
                throw ElasticsearchErrors.ToException(exists, $"checking the alias '{Alias}'");
            }

            if (!exists.Exists)
            {
                await CreateAsync(cancellationToken).ConfigureAwait(false);
            }

            _ready = true;
        }
        finally
        {
            _creating.Release();
        }
    }

    public void Dispose() => _creating.Dispose();

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (_beforeCreate is not null)
        {
            await _beforeCreate(cancellationToken).ConfigureAwait(false);
        }

        var created = await _client.Indices.CreateAsync(_createRequest(), cancellationToken).ConfigureAwait(false);
        var alreadyThere = created.ElasticsearchServerError?.Error?.Type == "resource_already_exists_exception";
        if (!created.IsValidResponse && !alreadyThere)
        {
            throw ElasticsearchErrors.ToException(created, $"creating the index '{IndexName}'");
        }

        if (alreadyThere)
        {
            // Another process created it, or the index outlived its alias: point the alias at it.
            var alias = await _client.Indices.PutAliasAsync(new PutAliasRequest(IndexName, Alias), cancellationToken).ConfigureAwait(false);
            ElasticsearchErrors.ThrowIfFailed(alias, $"adding the alias '{Alias}'");
        }
    }
}

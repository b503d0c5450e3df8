using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// A cluster that answers from a script, through the client's own <see cref="InMemoryRequestInvoker"/>
/// (which builds responses exactly as the HTTP invoker would). Every request is recorded with its exact
/// body. Routes match on method and path; a route's answers are given in order, the last one repeating.
/// </summary>
internal sealed class ScriptedCluster : IRequestInvoker
{
    public const string NodeUrl = "http://es.test:9200";

    // The client refuses a server that does not say it is Elasticsearch; the header key must be lower case.
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new() { ["x-elastic-product"] = ["Elasticsearch"] };

    private readonly InMemoryRequestInvoker _responses = new([], 200, null, "application/json", ProductHeader);
    private readonly List<(HttpMethod Method, string Path, Queue<(int Status, string Body)> Answers)> _routes = [];

    /// <summary>The aliases exist unless a test says otherwise, so most tests see only their own request.</summary>
    public ScriptedCluster()
    {
        On(HttpMethod.HEAD, "/_alias/articles", 200, string.Empty);
        On(HttpMethod.HEAD, "/_alias/alerts", 200, string.Empty);
    }

    public List<ApiCallDetails> Calls { get; } = [];

    public ResponseFactory ResponseFactory => _responses.ResponseFactory;

    public void Dispose() => (_responses as IDisposable)?.Dispose();

    public static ElasticsearchSearchOptions Options => new() { Alias = "articles", RetryDelay = TimeSpan.FromMilliseconds(1), RetryCount = 2, BulkBatchSize = 500 };

    /// <summary>Adds answers to the route (method, path without query string); an earlier route of the same key is replaced.</summary>
    public ScriptedCluster On(HttpMethod method, string path, int status, string body, params (int Status, string Body)[] then)
    {
        _routes.RemoveAll(route => route.Method == method && route.Path == path);
        _routes.Add((method, path, new Queue<(int, string)>([(status, body), .. then])));
        return this;
    }

    public ScriptedCluster On(HttpMethod method, string path, int status, JsonNode body, params (int Status, JsonNode Body)[] then) =>
        On(method, path, status, body.ToJsonString(), [.. then.Select(answer => (answer.Status, answer.Body.ToJsonString()))]);

    public ElasticsearchArticleIndex CreateIndex(ElasticsearchSearchOptions? options = null, IReadOnlyList<NameGroup>? names = null) =>
        new(Settings(), options ?? Options, names);

    public ElasticsearchAlertPercolator CreatePercolator(ElasticsearchSearchOptions? options = null) => new(Settings(), options ?? Options);

    private ElasticsearchClientSettings Settings() =>
        new ElasticsearchClientSettings(new SingleNodePool(new Uri(NodeUrl)), this)
            .DisableDirectStreaming()
            .OnRequestCompleted(Calls.Add);

    /// <summary>The calls to one path (without query string), in order.</summary>
    public List<ApiCallDetails> CallsTo(HttpMethod method, string path) =>
        [.. Calls.Where(call => call.HttpMethod == method && call.Uri!.AbsolutePath == path)];

    public static JsonNode BodyOf(ApiCallDetails call) => JsonNode.Parse(call.RequestBodyInBytes)!;

    /// <summary>A bulk body as its NDJSON lines.</summary>
    public static List<JsonNode> LinesOf(ApiCallDetails call) =>
        [.. Encoding.UTF8.GetString(call.RequestBodyInBytes!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var (status, body) = Answer(endpoint);
        return _responses.BuildResponse<TResponse>(endpoint, boundConfiguration, postData, Encoding.UTF8.GetBytes(body), status, "application/json");
    }

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var (status, body) = Answer(endpoint);
        return _responses.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken, Encoding.UTF8.GetBytes(body), status, "application/json");
    }

    private (int Status, string Body) Answer(Endpoint endpoint)
    {
        var path = endpoint.Uri.AbsolutePath;
        var route = _routes.FirstOrDefault(route => route.Method == endpoint.Method && route.Path == path);
        if (route.Answers is null)
        {
            throw new InvalidOperationException($"The script has no answer for {endpoint.Method} {path}.");
        }

        return route.Answers.Count > 1 ? route.Answers.Dequeue() : route.Answers.Peek();
    }
}

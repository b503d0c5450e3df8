using Elastic.Clients.Elasticsearch;
using Monitoring.Search.Elasticsearch;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// The whole contract suite against a real cluster named by ELASTICSEARCH_URL (see deploy/elasticsearch);
/// without it every test is reported skipped with that reason. Each engine gets a fresh, uniquely named
/// alias and index, deleted afterwards.
/// </summary>
public sealed class ElasticsearchArticleSearchTests : ArticleSearchContract, IAsyncDisposable
{
    private const string UrlVariable = "ELASTICSEARCH_URL";

    private readonly List<ElasticsearchArticleIndex> _opened = [];

    private static string? Url => Environment.GetEnvironmentVariable(UrlVariable);

    public async ValueTask DisposeAsync()
    {
        if (_opened.Count == 0)
        {
            return;
        }

        var client = new ElasticsearchClient(ElasticsearchConnection.Settings(Options(string.Empty)));
        foreach (var index in _opened)
        {
            await client.Indices.DeleteAsync(ArticleIndexDefinition.IndexName(index.Alias)).ConfigureAwait(false);
            index.Dispose();
        }
    }

    protected override Task<SearchEngineUnderTest> CreateEmptyEngineAsync()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Url), $"{UrlVariable} is not set: no Elasticsearch cluster to run the contract suite against (see deploy/elasticsearch/README.md).");

        var index = new ElasticsearchArticleIndex(Options($"monitoring-test-{Guid.NewGuid():N}"));
        _opened.Add(index);
        return Task.FromResult(new SearchEngineUnderTest(index, index));
    }

    private static ElasticsearchSearchOptions Options(string alias) => new()
    {
        Urls = [Url!],
        Alias = alias.Length == 0 ? "unused" : alias,
        ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
        Replicas = 0,
    };
}

using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// The real cluster of the live suites, named by ELASTICSEARCH_URL (see deploy/elasticsearch); without
/// it those tests are reported skipped with that reason. Every test gets its own, uniquely named aliases.
/// </summary>
internal static class LiveCluster
{
    private const string UrlVariable = "ELASTICSEARCH_URL";

    private static string? Url => Environment.GetEnvironmentVariable(UrlVariable);

    public static void SkipUnlessConfigured(string suite) =>
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Url), $"{UrlVariable} is not set: no Elasticsearch cluster to run the {suite} against (see deploy/elasticsearch/README.md).");

    /// <summary>Options with a fresh articles alias and alerts alias, on one node without replicas.</summary>
    public static ElasticsearchSearchOptions FreshOptions()
    {
        var unique = Guid.NewGuid().ToString("N");
        return new ElasticsearchSearchOptions
        {
            Urls = [Url!],
            Alias = $"monitoring-test-{unique}",
            AlertsAlias = $"monitoring-test-alerts-{unique}",
            ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
            Replicas = 0,
        };
    }

    /// <summary>Deletes what the options' engines created: indices (missing ones ignored) and the articles' template.</summary>
    public static async Task DeleteAsync(IEnumerable<ElasticsearchSearchOptions> used)
    {
        var all = used.ToList();
        if (all.Count == 0)
        {
            return;
        }

        var client = new ElasticsearchClient(ElasticsearchConnection.Settings(all[0]));
        foreach (var options in all)
        {
            var indices = new[] { ArticleIndexDefinition.IndexName(options.Alias), AlertIndexDefinition.IndexName(options.AlertsAlias) };
            await client.Indices.DeleteAsync(new DeleteIndexRequest(Indices.Parse(string.Join(',', indices))) { IgnoreUnavailable = true }).ConfigureAwait(false);
            await client.Indices.DeleteIndexTemplateAsync(new DeleteIndexTemplateRequest(options.Alias)).ConfigureAwait(false);
        }
    }
}

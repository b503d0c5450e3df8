using Monitoring.Core.Search.Names;
using Monitoring.Search.Elasticsearch;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// The whole contract suite against a real cluster named by ELASTICSEARCH_URL (see deploy/elasticsearch);
/// without it every test is reported skipped with that reason. Each engine gets a fresh, uniquely named
/// alias, index and index template, deleted afterwards.
/// </summary>
public sealed class ElasticsearchArticleSearchTests : ArticleSearchContract, IAsyncDisposable
{
    private readonly List<(ElasticsearchArticleIndex Index, ElasticsearchSearchOptions Options)> _opened = [];

    public async ValueTask DisposeAsync()
    {
        await LiveCluster.DeleteAsync(_opened.Select(opened => opened.Options)).ConfigureAwait(false);
        foreach (var (index, _) in _opened)
        {
            index.Dispose();
        }
    }

    protected override Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup>? names = null)
    {
        LiveCluster.SkipUnlessConfigured("contract suite");

        var options = LiveCluster.FreshOptions();
        var index = new ElasticsearchArticleIndex(options, names);
        _opened.Add((index, options));
        return Task.FromResult(new SearchEngineUnderTest(index, index));
    }
}

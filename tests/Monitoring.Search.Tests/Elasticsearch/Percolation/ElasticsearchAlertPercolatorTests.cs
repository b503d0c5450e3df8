using Monitoring.Core.Alerts;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Elasticsearch.Percolation;

namespace Monitoring.Search.Tests.Elasticsearch.Percolation;

/// <summary>
/// The percolator contract against a real cluster named by ELASTICSEARCH_URL, with the Elasticsearch
/// engine's search as the oracle; without it every test is reported skipped with that reason. Each
/// percolator and engine gets fresh, uniquely named aliases, deleted afterwards.
/// </summary>
public sealed class ElasticsearchAlertPercolatorTests : AlertPercolatorContract, IAsyncDisposable
{
    private readonly List<ElasticsearchSearchOptions> _used = [];
    private readonly List<IDisposable> _opened = [];

    public async ValueTask DisposeAsync()
    {
        await LiveCluster.DeleteAsync(_used).ConfigureAwait(false);
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }
    }

    protected override Task<IAlertPercolator> CreatePercolatorAsync(IReadOnlyList<NameGroup> names) =>
        Task.FromResult<IAlertPercolator>(Open(options => new ElasticsearchAlertPercolator(options, names)));

    protected override Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup> names)
    {
        var index = Open(options => new ElasticsearchArticleIndex(options, names));
        return Task.FromResult(new SearchEngineUnderTest(index, index));
    }

    /// <summary>A percolator or engine on fresh aliases, cleaned up after the test.</summary>
    private T Open<T>(Func<ElasticsearchSearchOptions, T> create)
        where T : IDisposable
    {
        LiveCluster.SkipUnlessConfigured("percolator contract");

        var options = LiveCluster.FreshOptions();
        var opened = create(options);
        _used.Add(options);
        _opened.Add(opened);
        return opened;
    }
}

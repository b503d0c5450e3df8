using Monitoring.Core.Alerts;
using Monitoring.Core.Search.Names;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Percolation;

namespace Monitoring.Search.Tests.Lucene;

/// <summary>The percolator contract against the embedded engine, with the Lucene index as the oracle.</summary>
public sealed class LuceneAlertPercolatorTests : AlertPercolatorContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitoring-percolator-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _opened = [];

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override Task<IAlertPercolator> CreatePercolatorAsync(IReadOnlyList<NameGroup> names)
    {
        var percolator = new LuceneAlertPercolator(names);
        _opened.Add(percolator);
        return Task.FromResult<IAlertPercolator>(percolator);
    }

    protected override Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup> names)
    {
        var index = new LuceneArticleIndex(Path.Combine(_root, $"engine-{_opened.Count}"), names);
        _opened.Add(index);
        return Task.FromResult(new SearchEngineUnderTest(index, index));
    }
}

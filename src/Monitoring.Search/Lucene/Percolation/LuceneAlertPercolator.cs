using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;

namespace Monitoring.Search.Lucene.Percolation;

/// <summary>
/// The embedded percolator: alert queries are parsed once and kept in memory; each batch of new articles
/// becomes a small in-memory index, analysed and translated exactly as <see cref="LuceneArticleIndex"/>
/// does, and every stored query runs once against it. Thread-safe; meant to live as a singleton. Queries
/// are not persisted: the host registers the saved alerts at start.
/// </summary>
/// <remarks>
/// Lucene's <c>MemoryIndex</c> holds a single document, so it costs one query run per alert per article
/// (25–45 µs each here: 25–45 s for 1,000 alerts × 1,000 articles). One index of the whole batch costs
/// one run per alert, and keeps multi-valued fields and doc values identical to the real index.
/// </remarks>
public sealed class LuceneAlertPercolator : IAlertPercolator, IDisposable
{
    private readonly Analyzer _analyzer = ArticleAnalyzers.Create();
    private readonly ArticleQueryTranslator _translator;
    private readonly ConcurrentDictionary<string, Query> _queries = new(StringComparer.Ordinal);

    /// <param name="names">The names a typed place, country or person is also searched by, as the search engine has them; null for none.</param>
    public LuceneAlertPercolator(IReadOnlyList<NameGroup>? names = null) =>
        _translator = new ArticleQueryTranslator(_analyzer, names is null ? null : new NameExpander(names, _analyzer));

    public Task RegisterAsync(string alertId, ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        ArgumentNullException.ThrowIfNull(query);

        // Translated before storing, so a bad query throws and leaves the previous one in place.
        var translated = ArticleQueryTranslator.Build(query, _translator.ParseText(query));
        _queries[alertId] = translated;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string alertId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        _queries.TryRemove(alertId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> RegisteredAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(_queries.Keys.ToHashSet(StringComparer.Ordinal));

    public Task<IReadOnlyList<PercolatorMatch>> PercolateAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0 || _queries.IsEmpty)
        {
            return Task.FromResult<IReadOnlyList<PercolatorMatch>>([]);
        }

        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleAnalyzers.Version, _analyzer)))
        {
            // Keyed by id like the real index, so an article given twice in a batch matches once.
            foreach (var article in articles)
            {
                writer.UpdateDocument(new Term(ArticleFields.Id, article.Id.Value), ArticleDocument.Create(article));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var ids = ReadIds(reader, articles);
        var matches = new List<PercolatorMatch>();
        foreach (var (alertId, query) in _queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var collector = new MatchingDocuments();
            searcher.Search(query, collector);
            matches.AddRange(collector.Documents.Select(document => new PercolatorMatch(alertId, ids[document])));
        }

        return Task.FromResult<IReadOnlyList<PercolatorMatch>>(matches);
    }

    public void Dispose() => _analyzer.Dispose();

    private static ArticleId[] ReadIds(DirectoryReader reader, IReadOnlyCollection<EnrichedArticle> articles)
    {
        var byValue = articles.Select(article => article.Id).Distinct().ToDictionary(id => id.Value, StringComparer.Ordinal);
        var ids = new ArticleId[reader.MaxDoc];
        for (var document = 0; document < reader.MaxDoc; document++)
        {
            ids[document] = byValue[reader.Document(document).Get(ArticleFields.Id, CultureInfo.InvariantCulture)];
        }

        return ids;
    }

    /// <summary>Every matching document, unscored: a percolator only asks whether.</summary>
    private sealed class MatchingDocuments : ICollector
    {
        private int _docBase;

        public List<int> Documents { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => Documents.Add(_docBase + doc);
    }
}

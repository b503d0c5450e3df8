using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Monitoring.Search.Lucene;

/// <summary>
/// The embedded engine: one Lucene index in one folder, written by one <see cref="IndexWriter"/> and read
/// through a near-real-time <see cref="SearcherManager"/>. Thread-safe; meant to live as a singleton.
/// Every <see cref="IndexAsync"/> commits, so what it wrote survives a crash. Disposing commits and
/// releases the folder.
/// </summary>
/// <remarks>
/// Search text uses the classic Lucene syntax over title (boosted) and body, AND between words.
/// Text that does not parse makes <see cref="SearchAsync"/> and <see cref="GetCoverageAsync"/> throw
/// <see cref="InvalidQueryException"/> (an <see cref="ArgumentException"/>) with a message meant for the
/// analyst, rather than silently searching for something else.
/// </remarks>
public sealed class LuceneArticleIndex : IArticleIndex, IArticleSearch, IDisposable
{
    /// <summary>How many values each facet lists at most.</summary>
    public const int FacetLimit = 50;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ArticleQueryTranslator _queries;
    private readonly SnippetHighlighter _highlighter;
    private int _disposed;

    /// <summary>Opens the index in <paramref name="indexFolder"/>, creating it when absent.</summary>
    /// <exception cref="InvalidOperationException">Another writer (in this or another process) holds the folder.</exception>
    public LuceneArticleIndex(string indexFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexFolder);

        IndexFolder = Path.GetFullPath(indexFolder);
        System.IO.Directory.CreateDirectory(IndexFolder);
        _analyzer = ArticleAnalyzers.Create();
        _directory = FSDirectory.Open(IndexFolder);
        try
        {
            _writer = new IndexWriter(_directory, new IndexWriterConfig(ArticleAnalyzers.Version, _analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
            });
        }
        catch (LockObtainFailedException exception)
        {
            _directory.Dispose();
            _analyzer.Dispose();
            throw new InvalidOperationException(
                $"The search index in '{IndexFolder}' is already open; one LuceneArticleIndex per folder (register it as a singleton).",
                exception);
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _queries = new ArticleQueryTranslator(_analyzer);
        _highlighter = new SnippetHighlighter(_analyzer);
    }

    /// <summary>The absolute folder of the index.</summary>
    public string IndexFolder { get; }

    public Task IndexAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // Checked once: a batch that has started is written whole.
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var article in articles)
        {
            _writer.UpdateDocument(new Term(ArticleFields.Id, article.Id.Value), ArticleDocument.Create(article));
        }

        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlySet<ArticleId> existing = WithSearcher(searcher => ids
            .Where(id => id.Value is not null && searcher.Search(IdQuery(id), 1).TotalHits > 0)
            .ToHashSet());
        return Task.FromResult(existing);
    }

    public Task<SearchResult> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        cancellationToken.ThrowIfCancellationRequested();

        var text = _queries.ParseText(query.Text);
        var filtered = ArticleQueryTranslator.Build(query, text);
        return Task.FromResult(WithSearcher(searcher =>
        {
            var wanted = (int)Math.Clamp((long)query.Skip + query.Take, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
            var top = TopFieldCollector.Create(
                SortFor(query, hasText: text is not null), wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector(ArticleFields.Keywords);
            searcher.Search(filtered, MultiCollector.Wrap(top, facets));

            var page = query.Take == 0 ? [] : top.GetTopDocs(query.Skip, query.Take).ScoreDocs;
            var hits = page.Select(scoreDoc =>
            {
                var article = Load(searcher, scoreDoc.Doc);
                return new SearchHit(article, scoreDoc.Score, _highlighter.Snippets(article.Article, text));
            }).ToList();

            return new SearchResult(
                top.TotalHits,
                hits,
                new SearchFacets(
                    facets.Top(ArticleFields.Country, FacetLimit),
                    facets.Top(ArticleFields.Topic, FacetLimit),
                    facets.Top(ArticleFields.Source, FacetLimit),
                    facets.Top(ArticleFields.Language, FacetLimit)));
        }));
    }

    public Task<CoverageTrend> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();

        var filtered = ArticleQueryTranslator.Build(query.Filter, _queries.ParseText(query.Filter.Text));
        return Task.FromResult(WithSearcher(searcher =>
        {
            var coverage = new CoverageCollector(query.Interval);
            searcher.Search(filtered, coverage);
            return coverage.ToTrend(query.MaxCountries);
        }));
    }

    public Task<EnrichedArticle?> GetAsync(ArticleId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (id.Value is null)
        {
            return Task.FromResult<EnrichedArticle?>(null);
        }

        return Task.FromResult(WithSearcher(searcher =>
        {
            var found = searcher.Search(IdQuery(id), 1).ScoreDocs;
            return found.Length == 0 ? null : Load(searcher, found[0].Doc);
        }));
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => (long)searcher.IndexReader.NumDocs));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _searchers.Dispose();
        _writer.Commit();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static TermQuery IdQuery(ArticleId id) => new(new Term(ArticleFields.Id, id.Value));

    private static EnrichedArticle Load(IndexSearcher searcher, int doc) =>
        ArticleJson.Deserialize(searcher.Doc(doc).Get(ArticleFields.Json, CultureInfo.InvariantCulture));

    private static Sort SortFor(ArticleQuery query, bool hasText)
    {
        var newest = new SortField(ArticleFields.Date, SortFieldType.INT64, reverse: true);
        return query.Sort switch
        {
            SearchSort.Newest => new Sort(newest, SortField.FIELD_SCORE),
            SearchSort.Oldest => new Sort(new SortField(ArticleFields.Date, SortFieldType.INT64, reverse: false), SortField.FIELD_SCORE),
            _ when hasText => new Sort(SortField.FIELD_SCORE, newest),
            _ => new Sort(newest),
        };
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Search.Names;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Monitoring.Search.Lucene;

/// <summary>
/// The embedded engine: one Lucene index in one folder, written by one <see cref="IndexWriter"/> and read
/// through a near-real-time <see cref="SearcherManager"/>. Thread-safe; meant to live as a singleton.
/// Every <see cref="IndexAsync"/> commits, so what it wrote survives a crash. Disposing commits and
/// releases the folder.
/// </summary>
/// <remarks>
/// Search text uses the analyst syntax of docs/search.md (classic Lucene syntax over title, boosted, and
/// body, AND between words, with tag fields). An index written by an older schema is rebuilt empty.
/// Text that does not parse makes <see cref="SearchAsync"/> and <see cref="GetCoverageAsync"/> throw
/// <see cref="InvalidQueryException"/> (an <see cref="ArgumentException"/>) with a message meant for the
/// analyst, rather than silently searching for something else.
/// </remarks>
public sealed class LuceneArticleIndex : IArticleIndex, IArticleSearch, IDisposable
{
    /// <summary>How many values each facet lists at most.</summary>
    public const int FacetLimit = 50;

    private const int ExportPageSize = 500;

    private const string SchemaKey = "schema";

    private static readonly ISet<string> JsonOnly = new HashSet<string>([ArticleFields.Json], StringComparer.Ordinal);

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly SearchSlicing _slicing;
    private readonly ArticleQueryTranslator _queries;
    private readonly SnippetHighlighter _highlighter;
    private readonly SignificantTermsFinder _significant;

    // Taken when a failed write rolls the writer back and when the next write opens a new one.
    private readonly System.Threading.Lock _recovery = new();
    private IndexFolderLock _folderLock;
    private volatile IndexWriter _writer;
    private volatile SearcherManager _searchers;
    private volatile bool _writerBroken;
    private int _disposed;

    /// <summary>Opens the index in <paramref name="indexFolder"/>, creating it when absent.</summary>
    /// <param name="names">The names a typed place, country or person is also searched by (<c>NameGroupsFile</c>); null for none.</param>
    /// <exception cref="IndexInUseException">Another writer (in this or another process) holds the folder.</exception>
    public LuceneArticleIndex(string indexFolder, IReadOnlyList<NameGroup>? names = null)
        : this(indexFolder, SearchSlicing.Default, names)
    {
    }

    /// <summary>Opens the index, searching it in slices as <paramref name="slicing"/> says (tests slice small indexes).</summary>
    internal LuceneArticleIndex(string indexFolder, SearchSlicing slicing, IReadOnlyList<NameGroup>? names = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexFolder);

        IndexFolder = Path.GetFullPath(indexFolder);

        // Before Lucene's own lock, which does not keep another process out (IndexFolderLock says why).
        _folderLock = IndexFolderLock.Acquire(IndexFolder);
        _analyzer = ArticleAnalyzers.Create();
        _directory = FSDirectory.Open(IndexFolder);
        try
        {
            _writer = OpenWriter();
        }
        catch (LockObtainFailedException exception)
        {
            _directory.Dispose();
            _analyzer.Dispose();
            _folderLock.Dispose();
            throw new IndexInUseException(
                $"The search index in '{IndexFolder}' is already open; one LuceneArticleIndex per folder (register it as a singleton).",
                exception);
        }
        catch
        {
            _directory.Dispose();
            _analyzer.Dispose();
            _folderLock.Dispose();
            throw;
        }

        _slicing = slicing;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory(slicing));
        _queries = new ArticleQueryTranslator(_analyzer, names is null ? null : new NameExpander(names, _analyzer));
        _highlighter = new SnippetHighlighter(_analyzer);
        _significant = new SignificantTermsFinder(_analyzer);
    }

    /// <summary>How many slices of segments a search runs in now.</summary>
    internal int SearchSliceCount => WithSearcher(searcher => ((SlicedSearcher)searcher).SliceCount);

    /// <summary>The absolute folder of the index.</summary>
    public string IndexFolder { get; }

    public Task IndexAsync(IReadOnlyCollection<EnrichedArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // Checked once: a batch that has started is written whole.
        cancellationToken.ThrowIfCancellationRequested();
        var writer = _writerBroken ? ReopenWriter() : _writer;
        try
        {
            foreach (var article in articles)
            {
                writer.UpdateDocument(new Term(ArticleFields.Id, article.Id.Value), ArticleDocument.Create(article));
            }

            writer.Commit();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            RollBack(writer);
            throw new IndexWriteException(
                $"Writing the search index in '{IndexFolder}' failed ({exception.GetType().Name}: {exception.Message}); nothing of this batch was kept, and the next write opens the index again.",
                exception);
        }

        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlySet<ArticleId> existing = WithSearcher(searcher => FindLive(searcher.IndexReader, ids));
        return Task.FromResult(existing);
    }

    public Task<SearchResult> SearchAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        cancellationToken.ThrowIfCancellationRequested();

        var (text, expansions) = _queries.Parse(query.Text, query.ExpandNames);
        var filtered = ArticleQueryTranslator.Build(query, text);
        var sort = SortFor(query, hasText: text is not null);
        var after = query.Cursor is null ? null : SearchCursor.Decode(sort, query.Cursor);
        var skip = after is null ? query.Skip : 0;
        return Task.FromResult(WithSearcher(searcher =>
        {
            // One more than the page, to know whether a next page exists.
            var wanted = (int)Math.Clamp((long)skip + query.Take + 1, 1, Math.Max(1, searcher.IndexReader.MaxDoc));
            var ownFacets = FacetsOf(query).Where(facet => !facet.Filtered).Select(facet => facet.Field).ToList();

            // The people and countries of the matches are counted even when the query filters on them (its facets
            // then come from another search): what stands out in the matches, which the search page asks next, needs them.
            var countryField = ArticleQueryTranslator.CountryField(query.CountryMode);
            var counted = ownFacets.Union([ArticleFields.Person, countryField]).ToList();
            var sliced = (SlicedSearcher)searcher;
            var slices = new PageCollectors[sliced.SliceCount];
            sliced.SearchSlices(filtered, slice => (slices[slice] = new PageCollectors(sort, wanted, after, counted, countSources: !ownFacets.Contains(ArticleFields.Source), scored: text is not null)).All);
            var facets = FacetCollector.Merge([.. slices.Select(slice => slice.Facets)]);
            var total = slices.Sum(slice => (long)slice.Total.TotalHits);
            RecentMatches.Of(searcher.IndexReader).Remember(filtered, new MatchSummary(
                total, countryField, facets.All(ArticleFields.Person), facets.All(countryField), SampleCollector.Merge(slices.Select(slice => slice.Sample))));
            var distinct = slices[0].Distinct;
            foreach (var slice in slices.Skip(1))
            {
                distinct.Add(slice.Distinct);
            }

            var collected = TopDocs.Merge(sort, wanted, [.. slices.Select(slice => (TopDocs)slice.Top.GetTopDocs(0, wanted))]).ScoreDocs;
            var page = collected.Skip(skip).Take(query.Take).ToList();

            // Reading a hit's stored article and highlighting it took about a third of a text search at a million
            // articles; an index searched in slices does the hits of the page on as many cores.
            var hits = new SearchHit[page.Count];
            Parallel.For(0, page.Count, new ParallelOptions { MaxDegreeOfParallelism = sliced.SliceCount }, i =>
            {
                var article = Load(searcher, page[i].Doc);
                hits[i] = new SearchHit(article, float.IsNaN(page[i].Score) ? 0 : page[i].Score, _highlighter.Snippets(article.Article, text));
            });
            var next = page.Count > 0 && collected.Length > skip + page.Count
                ? SearchCursor.Encode(sort, (FieldDoc)page[^1])
                : null;

            return new SearchResult(total, hits, CountFacets(sliced, query, text, facets))
            {
                NextCursor = next,
                DistinctStories = distinct.Stories,
                DistinctSources = ownFacets.Contains(ArticleFields.Source) ? facets.ValueCount(ArticleFields.Source) : distinct.Sources,
                NameExpansions = expansions,
            };
        }));
    }

    public async IAsyncEnumerable<EnrichedArticle> ExportAsync(
        ArticleQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        var text = _queries.ParseText(query);
        var filtered = ArticleQueryTranslator.Build(query, text);
        var sort = SortFor(query, hasText: text is not null);

        // One searcher for the whole export: a consistent view, whatever is indexed meanwhile.
        var searchers = _searchers;
        var searcher = searchers.Acquire();
        try
        {
            FieldDoc? after = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var top = TopFieldCollector.Create(
                    sort, ExportPageSize, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
                searcher.Search(filtered, top);
                var page = top.GetTopDocs().ScoreDocs;
                foreach (var scoreDoc in page)
                {
                    yield return Load(searcher, scoreDoc.Doc);
                }

                if (page.Length < ExportPageSize)
                {
                    yield break;
                }

                after = (FieldDoc)page[^1];
                await Task.Yield();
            }
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<CoverageTrend> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();

        var filter = query.Filter;
        var filtered = ArticleQueryTranslator.Build(filter, _queries.ParseText(filter));
        var zone = ZonedDates.Find(filter.TimeZone);
        return Task.FromResult(WithSearcher(searcher =>
        {
            var coverage = new CoverageCollector(
                query.Interval,
                zone,
                ArticleQueryTranslator.DateField(filter.DateBasis),
                ArticleQueryTranslator.CountryField(filter.CountryMode),
                query.OutletGroupSplits());
            searcher.Search(filtered, coverage);
            return coverage.ToTrend(query.MaxCountries, filter.From, filter.To);
        }));
    }

    public Task<SignificantTerms> GetSignificantTermsAsync(SignificantTermsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        cancellationToken.ThrowIfCancellationRequested();

        var text = _queries.ParseText(query.Filter);
        var filtered = ArticleQueryTranslator.Build(query.Filter, text);
        var countryField = ArticleQueryTranslator.CountryField(query.Filter.CountryMode);
        return Task.FromResult(WithSearcher(searcher =>
        {
            var sliced = (SlicedSearcher)searcher;
            var summary = RecentMatches.Of(searcher.IndexReader).Find(filtered, countryField)
                ?? SignificantTermsFinder.Summarise(sliced, filtered, countryField, scored: text is not null);
            return _significant.Find(sliced, query, summary, text, doc => LoadBody(searcher, doc));
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

    public Task<IReadOnlyList<SearchHit>> MoreLikeThisAsync(
        ArticleId id, ArticleQuery? filter = null, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        cancellationToken.ThrowIfCancellationRequested();
        filter ??= new ArticleQuery();
        var text = _queries.ParseText(filter);
        if (id.Value is null || take == 0)
        {
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        }

        return Task.FromResult(WithSearcher<IReadOnlyList<SearchHit>>(searcher =>
        {
            var found = searcher.Search(IdQuery(id), 1).ScoreDocs;
            if (found.Length == 0)
            {
                return [];
            }

            var like = Load(searcher, found[0].Doc).Article;
            var similar = SimilarArticles.Query(searcher.IndexReader, _analyzer, like);
            var query = new BooleanQuery
            {
                { similar, Occur.MUST },
                { ArticleQueryTranslator.Build(filter, text), Occur.MUST },
                { IdQuery(id), Occur.MUST_NOT },
            };
            return [.. searcher.Search(query, take).ScoreDocs.Select(scoreDoc =>
            {
                var article = Load(searcher, scoreDoc.Doc);
                return new SearchHit(article, scoreDoc.Score, _highlighter.Snippets(article.Article, similar));
            })];
        }));
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithSearcher(searcher => TagSuggester.Suggest(searcher, prefix, take)));
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
        if (!_writerBroken)
        {
            _writer.Commit();
            _writer.Dispose();
        }

        _directory.Dispose();
        _analyzer.Dispose();
        _folderLock.Dispose();
    }

    private IndexWriter OpenWriter()
    {
        var writer = new IndexWriter(_directory, new IndexWriterConfig(ArticleAnalyzers.Version, _analyzer)
        {
            Similarity = Bm25SearcherFactory.Similarity,
            OpenMode = HasCurrentSchema(_directory) ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
            // Every batch commits, so every batch flushes a small segment: packing each into a compound file copied all
            // its files once more per commit (benchmark 2, docs/performance.md). Merges still pack small merged segments.
            UseCompoundFile = false,
        });
        try
        {
            writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = ArticleFields.SchemaVersion });
            writer.Commit();
            return writer;
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }

    /// <summary>
    /// A write that failed (a full disk, a folder made read-only or removed, files deleted under the writer) leaves
    /// the writer pointing at files it may never be able to commit: every later commit failed until a restart. It
    /// is rolled back to the last commit instead, and the next write opens a new writer from what is on disk.
    /// </summary>
    private void RollBack(IndexWriter writer)
    {
        lock (_recovery)
        {
            if (!ReferenceEquals(writer, _writer) || _writerBroken)
            {
                return;
            }

            _writerBroken = true;
            try
            {
                writer.Rollback();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // Rolling back also cleans up files; where the folder is gone, that fails too, and the writer is closed anyway.
            }
        }
    }

    private IndexWriter ReopenWriter()
    {
        lock (_recovery)
        {
            if (!_writerBroken)
            {
                return _writer;
            }

            try
            {
                if (!_folderLock.StillInPlace)
                {
                    // The folder was removed with the lock file in it: the lock held a file that no longer exists.
                    var renewed = IndexFolderLock.Acquire(IndexFolder);
                    _folderLock.Dispose();
                    _folderLock = renewed;
                }

                var writer = OpenWriter();
                var previous = _searchers;
                _searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory(_slicing));
                _writer = writer;
                _writerBroken = false;
                previous.Dispose();
                return writer;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new IndexWriteException(
                    $"The search index in '{IndexFolder}' cannot be opened for writing ({exception.GetType().Name}: {exception.Message}).",
                    exception);
            }
        }
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var searchers = _searchers;
        var searcher = searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // An index written with other fields or analysis would answer wrongly; it is rebuilt empty instead,
    // and ingestion (keyed by article id) fills it again.
    private static bool HasCurrentSchema(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return true;
        }

        var latest = DirectoryReader.ListCommits(directory).Last();
        return latest.UserData.TryGetValue(SchemaKey, out var version) && version == ArticleFields.SchemaVersion;
    }

    // Each id's term sought in each segment's term dictionary, a live document behind it making it found: the inbox
    // job asks this of every batch before writing it, and a search per id (weight, scorer, collector) cost about a
    // tenth of the batch's index write (benchmark 2, docs/performance.md).
    private static HashSet<ArticleId> FindLive(IndexReader reader, IReadOnlyCollection<ArticleId> ids)
    {
        var found = new HashSet<ArticleId>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var terms = segment.GetTerms(ArticleFields.Id)?.GetEnumerator();
            if (terms is null)
            {
                continue;
            }

            DocsEnum? docs = null;
            foreach (var id in ids)
            {
                if (id.Value is null || found.Contains(id) || !terms.SeekExact(new BytesRef(id.Value)))
                {
                    continue;
                }

                docs = terms.Docs(segment.LiveDocs, docs, DocsFlags.NONE);
                if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    found.Add(id);
                }
            }
        }

        return found;
    }

    private static TermQuery IdQuery(ArticleId id) => new(new Term(ArticleFields.Id, id.Value));

    private static EnrichedArticle Load(IndexSearcher searcher, int doc) =>
        ArticleJson.Deserialize(searcher.Doc(doc).Get(ArticleFields.Json, CultureInfo.InvariantCulture));

    private static string LoadBody(IndexSearcher searcher, int doc) =>
        ArticleJson.ReadBody(searcher.Doc(doc, JsonOnly).Get(ArticleFields.Json, CultureInfo.InvariantCulture));

    /// <summary>
    /// Date, tension and relevance orders, each ending with the article id so that every hit has a
    /// unique position (needed by cursors; also makes equal hits come in a stable order).
    /// </summary>
    private static Sort SortFor(ArticleQuery query, bool hasText)
    {
        var dateField = ArticleQueryTranslator.DateField(query.DateBasis);
        var newest = SegmentDates.SortOn(dateField, reverse: true);
        var byId = SegmentIds.SortOn(ArticleFields.Id);
        return query.Sort switch
        {
            SearchSort.Newest => new Sort(newest, byId),
            SearchSort.Oldest => new Sort(SegmentDates.SortOn(dateField, reverse: false), byId),
            SearchSort.Tension => new Sort(new SortField(ArticleFields.Tension, SortFieldType.DOUBLE, reverse: true), newest, byId),
            _ when hasText => new Sort(SortField.FIELD_SCORE, newest, byId),
            _ => new Sort(newest, byId),
        };
    }

    /// <summary>The facets of the result, each with the index field it counts and whether the query filters on it.</summary>
    private static List<(string Field, ArticleQueryTranslator.FacetFilter Filter, bool Filtered)> FacetsOf(ArticleQuery query) =>
    [
        (ArticleQueryTranslator.CountryField(query.CountryMode), ArticleQueryTranslator.FacetFilter.Country, query.Countries.Count > 0),
        (ArticleFields.Topic, ArticleQueryTranslator.FacetFilter.Topic, query.Topics.Count > 0),
        (ArticleFields.Person, ArticleQueryTranslator.FacetFilter.Person, query.People.Count > 0),
        (ArticleFields.Source, ArticleQueryTranslator.FacetFilter.Source, query.Sources.Count > 0),
        (ArticleFields.Language, ArticleQueryTranslator.FacetFilter.Language, query.Languages.Count > 0),
        (ArticleFields.OutletCountry, ArticleQueryTranslator.FacetFilter.OutletCountry, query.OutletCountries.Count > 0),
        (ArticleFields.OutletKind, ArticleQueryTranslator.FacetFilter.OutletKind, query.OutletKinds.Count > 0),
        (ArticleFields.OutletGroup, ArticleQueryTranslator.FacetFilter.OutletGroup, query.OutletGroups.Count > 0),
    ];

    /// <summary>
    /// Unfiltered facets come from the main search; each filtered one is counted by one more search
    /// without its own filter (disjunctive facets).
    /// </summary>
    private static SearchFacets CountFacets(SlicedSearcher searcher, ArticleQuery query, Query? text, FacetCollector counted)
    {
        var counts = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var (field, filter, filtered) in FacetsOf(query))
        {
            if (!filtered)
            {
                counts[field] = counted.Top(field, FacetLimit);
                continue;
            }

            var others = ArticleQueryTranslator.Build(query, text, without: filter);
            FacetCollector own;
            if (others is BooleanQuery { Clauses: [{ Query: MatchAllDocsQuery }] })
            {
                // Only this facet's own filter: its counts are the whole index's (a country's share of everything).
                own = new FacetCollector([field]);
                own.CollectAll(searcher.IndexReader);
            }
            else
            {
                own = FacetCollector.Count(searcher, others, [field]);
            }

            counts[field] = own.Top(field, FacetLimit);
        }

        return new SearchFacets(
            counts[ArticleQueryTranslator.CountryField(query.CountryMode)],
            counts[ArticleFields.Topic],
            counts[ArticleFields.Source],
            counts[ArticleFields.Language])
        {
            People = counts[ArticleFields.Person],
            OutletCountries = counts[ArticleFields.OutletCountry],
            OutletKinds = counts[ArticleFields.OutletKind],
            OutletGroups = counts[ArticleFields.OutletGroup],
        };
    }

    /// <summary>
    /// What one slice of segments collects for a page of results, and for what stands out in its matches
    /// (<see cref="MatchSummary"/>): the facets counted and the best-ranked matches.
    /// </summary>
    private sealed class PageCollectors
    {
        /// <param name="countSources">Whether distinct sources must be counted apart (the source facet is not counted here).</param>
        /// <param name="scored">Whether hits have a score worth keeping: without text every match scores the same.</param>
        public PageCollectors(Sort sort, int wanted, FieldDoc? after, IReadOnlyList<string> facetFields, bool countSources, bool scored)
        {
            Top = TopFieldCollector.Create(
                sort, wanted, after, fillFields: true, trackDocScores: scored, trackMaxScore: false, docsScoredInOrder: false);
            Facets = new FacetCollector(facetFields);
            Distinct = new DistinctCountCollector(countSources);
            Sample = new SampleCollector(scored);
            var all = MultiCollector.Wrap(Top, Total, Facets, Distinct, Sample);
            All = scored ? new ScoredOnce(all) : all;
        }

        public SampleCollector Sample { get; }

        public TopFieldCollector Top { get; }

        public TotalHitCountCollector Total { get; } = new();

        public FacetCollector Facets { get; }

        public DistinctCountCollector Distinct { get; }

        public ICollector All { get; }
    }

    /// <summary>
    /// Hands the collectors a scorer that computes each match's score once: the page's hits and the sample both ask
    /// for it, and a text query's score is the costly part of a match.
    /// </summary>
    private sealed class ScoredOnce(ICollector collectors) : ICollector
    {
        public bool AcceptsDocsOutOfOrder => collectors.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => collectors.SetScorer(new ScoreCachingWrappingScorer(scorer));

        public void SetNextReader(AtomicReaderContext context) => collectors.SetNextReader(context);

        public void Collect(int doc) => collectors.Collect(doc);
    }
}

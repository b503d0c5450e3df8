using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Monitoring.Search.Lucene;

/// <summary>
/// Reads every article stored in a Lucene index folder, read-only, for copying it elsewhere (<c>monitoring
/// reindex</c>). Each document stores the whole enriched article as JSON (<see cref="ArticleFields.Json"/>),
/// which is all it takes to index it again. The view is the index's latest commit when opened: a running
/// app may keep writing meanwhile (readers take no lock), and what it commits later is not seen.
/// </summary>
public sealed class LuceneArticleSource : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;

    private LuceneArticleSource(string indexFolder, LuceneDirectory directory, DirectoryReader reader)
    {
        IndexFolder = indexFolder;
        _directory = directory;
        _reader = reader;
    }

    /// <summary>The absolute folder of the index.</summary>
    public string IndexFolder { get; }

    /// <summary>The generation of the commit being read; every commit of the index raises it.</summary>
    public long Generation => _reader.IndexCommit.Generation;

    /// <summary>How many articles the commit holds (deleted and replaced ones not counted).</summary>
    public int Count => _reader.NumDocs;

    /// <summary>Opens the latest commit of the index in <paramref name="indexFolder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist or holds no index.</exception>
    /// <exception cref="InvalidDataException">The index cannot be read, or does not store the articles (not written by this product).</exception>
    public static LuceneArticleSource Open(string indexFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexFolder);
        var folder = Path.GetFullPath(indexFolder);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"There is no folder '{folder}'.");
        }

        var directory = FSDirectory.Open(folder);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new DirectoryNotFoundException($"'{folder}' holds no Lucene index.");
            }

            var reader = OpenReader(directory, folder);
            if (reader.NumDocs > 0 && FieldInfos(reader).FieldInfo(ArticleFields.Json) is null)
            {
                reader.Dispose();
                throw new InvalidDataException(
                    $"The index in '{folder}' does not store the articles (no '{ArticleFields.Json}' field), so they cannot be rebuilt from it; import them again from their sources.");
            }

            return new LuceneArticleSource(folder, directory, reader);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The articles in the order of their ids, those after <paramref name="after"/> only (all when null), so
    /// that a copy interrupted after some id can continue after it whatever happened to the segments.
    /// </summary>
    /// <exception cref="InvalidDataException">An article's stored document cannot be read.</exception>
    public IEnumerable<EnrichedArticle> ReadAfter(ArticleId? after)
    {
        var terms = MultiFields.GetTerms(_reader, ArticleFields.Id);
        if (terms is null)
        {
            yield break;
        }

        var live = MultiFields.GetLiveDocs(_reader);
        var ids = terms.GetEnumerator();
        var positioned = false;
        if (after is { Value: not null } last)
        {
            var status = ids.SeekCeil(new BytesRef(last.Value));
            if (status == TermsEnum.SeekStatus.END)
            {
                yield break;
            }

            // On the id itself it was copied already; on the next one it is yet to come.
            positioned = status == TermsEnum.SeekStatus.NOT_FOUND;
        }

        DocsEnum? docs = null;
        while (positioned || ids.MoveNext())
        {
            positioned = false;
            docs = ids.Docs(live, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                yield return Load(doc, ids.Term.Utf8ToString());
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static DirectoryReader OpenReader(LuceneDirectory directory, string folder)
    {
        try
        {
            return DirectoryReader.Open(directory);
        }
        catch (IOException exception)
        {
            // CorruptIndexException, IndexFormatTooOldException, a missing segment file: all IOExceptions.
            throw new InvalidDataException($"The index in '{folder}' cannot be read: {exception.Message}", exception);
        }
    }

    private static FieldInfos FieldInfos(IndexReader reader) => MultiFields.GetMergedFieldInfos(reader);

    private EnrichedArticle Load(int doc, string id)
    {
        try
        {
            return ArticleJson.Deserialize(_reader.Document(doc).Get(ArticleFields.Json, CultureInfo.InvariantCulture)
                ?? throw new InvalidDataException("no stored article"));
        }
        catch (Exception exception) when (exception is IOException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"Article {id} in '{IndexFolder}' cannot be read: {exception.Message}", exception);
        }
    }
}

namespace Monitoring.Core.Articles;

/// <summary>The articles shipped in <c>seeds/</c>: what a new installation shows before any feed is read.</summary>
public static class SeedFolder
{
    // Holds the enrichment model (gazetteer, topics, lexicon), not articles.
    internal const string EnrichmentFolderName = "enrichment";

    /// <summary>
    /// Every <c>*.txt</c> (with its optional <c>.meta.json</c> sidecar) and every <c>*.jsonl</c> corpus under
    /// <paramref name="seedsFolder"/>, recursively, except the <c>enrichment/</c> folder. Files are read in
    /// ordinal order of their relative paths, so the sequence and the ids are the same on every run.
    /// </summary>
    /// <exception cref="InvalidDataException">A file cannot be read as articles; the message names it.</exception>
    public static IEnumerable<Article> ReadArticles(string seedsFolder, DateTimeOffset ingestedAt)
    {
        foreach (var path in ArticleFiles(seedsFolder))
        {
            if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                yield return TextArticleReader.Read(path, ingestedAt);
            }
            else
            {
                foreach (var article in JsonlCorpusReader.Read(path, ingestedAt))
                {
                    yield return article;
                }
            }
        }
    }

    /// <summary>
    /// The files <see cref="ReadArticles"/> reads (<c>*.txt</c>, whose sidecars travel with them, and <c>*.jsonl</c>),
    /// as full paths in ordinal order of their relative paths.
    /// </summary>
    public static IReadOnlyList<string> ArticleFiles(string seedsFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsFolder);
        var root = Path.GetFullPath(seedsFolder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No seeds folder at {root}.");
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(file => !file.Relative.StartsWith(EnrichmentFolderName + "/", StringComparison.Ordinal))
            .Where(file => file.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .Select(file => file.Path)
            .ToList();
    }
}

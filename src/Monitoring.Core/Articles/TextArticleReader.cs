namespace Monitoring.Core.Articles;

/// <summary>Reads one saved plain-text article together with its optional sidecar.</summary>
public static class TextArticleReader
{
    /// <summary>
    /// The id is <see cref="ArticleId.ForUrl"/> when the sidecar gives a URL, else
    /// <see cref="ArticleId.ForContent"/> of source, title and body, so re-reading the file gives the same id.
    /// </summary>
    /// <exception cref="InvalidDataException">The text or its sidecar cannot be read as an article.</exception>
    public static Article Read(string textPath, DateTimeOffset ingestedAt)
    {
        var sidecar = ArticleSidecar.ReadFor(textPath);
        ParsedText parsed;
        try
        {
            parsed = PlainTextArticleParser.Parse(File.ReadAllText(textPath));
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{textPath}: {ex.Message}", ex);
        }

        var body = string.Join("\n\n", parsed.Paragraphs);
        return new Article
        {
            Id = sidecar.Url is { } url ? ArticleId.ForUrl(url) : ArticleId.ForContent(sidecar.Source, parsed.Title, body),
            Title = parsed.Title,
            Paragraphs = parsed.Paragraphs,
            Credit = parsed.Credit,
            Source = sidecar.Source,
            SourceCountry = sidecar.SourceCountry,
            Language = sidecar.Language,
            Url = sidecar.Url,
            Published = sidecar.Published,
            IngestedAt = ingestedAt,
        };
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>
/// Reads a corpus of one JSON object per line with the fields title, published (yyyy-MM-dd), url,
/// source, sourceCountry (the outlet's ISO 3166 alpha-2 code, optional), language and text. URLs need not be unique (a portal page holds many items), so ids come
/// from <see cref="ArticleId.ForContent"/>.
/// </summary>
public static partial class JsonlCorpusReader
{
    /// <summary>Articles in file order; blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid item; the message names file and line.</exception>
    public static IEnumerable<Article> Read(string path, DateTimeOffset ingestedAt)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ReadLine(line, $"{path}, line {lineNumber}", ingestedAt);
            }
        }
    }

    /// <summary>
    /// Splits a source such as "Wikipedia Portal:Current events (cites: Reuters, BBC)" into the outlet
    /// that is faceted ("Wikipedia Current events") and the outlets it cites ("Reuters, BBC").
    /// </summary>
    public static (string Outlet, string? Attribution) SplitSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var match = CitesPattern().Match(source);
        var outlet = match.Success ? match.Groups["outlet"].Value : source.Trim();
        var attribution = match.Success ? match.Groups["cites"].Value.Trim() : null;

        // "Portal:" is a wiki namespace, not part of the outlet's name.
        outlet = outlet.Replace("Portal:", string.Empty, StringComparison.Ordinal).Trim();
        return (outlet, string.IsNullOrEmpty(attribution) ? null : attribution);
    }

    private static Article ReadLine(string line, string origin, DateTimeOffset ingestedAt)
    {
        CorpusItemJson? item;
        try
        {
            item = JsonSerializer.Deserialize<CorpusItemJson>(line);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: not valid JSON ({ex.Message}).", ex);
        }

        if (item is null || string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Text))
        {
            throw new InvalidDataException($"{origin}: an item needs a title and a text.");
        }

        var (outlet, attribution) = SplitSource(string.IsNullOrWhiteSpace(item.Source) ? ArticleSidecar.UnknownSource : item.Source);
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(item.Url) && !Uri.TryCreate(item.Url, UriKind.Absolute, out url))
        {
            throw new InvalidDataException($"{origin}: url '{item.Url}' is not an absolute URL.");
        }

        var text = item.Text.Trim();
        return new Article
        {
            Id = ArticleId.ForContent(outlet, item.Title, text),
            Title = item.Title.Trim(),
            Paragraphs = [text],
            Source = outlet,
            SourceCountry = ArticleSidecar.ParseCountry(item.SourceCountry, origin),
            Attribution = attribution,
            Language = string.IsNullOrWhiteSpace(item.Language) ? ArticleSidecar.DefaultLanguage : item.Language.Trim(),
            Url = url,
            Published = ArticleSidecar.ParsePublished(item.Published, origin),
            IngestedAt = ingestedAt,
        };
    }

    [GeneratedRegex(@"^(?<outlet>.*?)\s*\(cites:\s*(?<cites>[^)]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CitesPattern();

    private sealed class CorpusItemJson
    {
        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("published")]
        public string? Published { get; set; }

        [JsonPropertyName("url")]
        public string? Url { get; set; }

        [JsonPropertyName("source")]
        public string? Source { get; set; }

        [JsonPropertyName("sourceCountry")]
        public string? SourceCountry { get; set; }

        [JsonPropertyName("language")]
        public string? Language { get; set; }

        [JsonPropertyName("text")]
        public string? Text { get; set; }
    }
}

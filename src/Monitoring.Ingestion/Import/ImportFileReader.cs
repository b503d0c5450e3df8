using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Feeds;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.Import;

/// <summary>
/// Turns a file into inbox payloads (JSON of <see cref="IncomingArticle"/>), by its extension: the seed
/// text format (.txt with its .meta.json sidecar), JSON (.json: one item or an array), JSON lines
/// (.ndjson, .jsonl), RSS/Atom (.xml, .rss, .atom, each item through <see cref="FeedItemMapper"/>) and Reuters
/// SGML (.sgm). Items that are not valid are passed on byte for byte, so the pipeline quarantines each with
/// its reason while the rest go through; a file that cannot be read at all, or whose first
/// <see cref="SampleSize"/> records are all invalid, is refused whole.
/// </summary>
public static class ImportFileReader
{
    /// <summary>The sidecar of a .txt article, imported with it and never on its own.</summary>
    public const string SidecarSuffix = ".meta.json";

    /// <summary>How many records from the start of a file decide whether it holds articles at all.</summary>
    public const int SampleSize = 1_000;

    private static readonly string[] Extensions = [".txt", ".json", ".ndjson", ".jsonl", ".xml", ".rss", ".atom", ".sgm"];

    /// <summary>True for the files <see cref="Read"/> knows (sidecars excluded: they travel with their .txt).</summary>
    public static bool IsImportable(string path) =>
        !path.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase)
        && Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every importable file of the paths (files as given, folders searched recursively), sorted.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsImportable).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>The payloads of one file, in file order.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read as any item at all; the message says why.</exception>
    public static IReadOnlyList<byte[]> Read(string path, long maxFileBytes = FeedParser.DefaultMaxBytes * 10)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"no such file: {path}");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!IsImportable(path))
        {
            throw new InvalidDataException($"'{extension}' is not a format import reads (.txt with .meta.json, .json, .ndjson, .jsonl, .xml/.rss/.atom, .sgm)");
        }

        var length = new FileInfo(path).Length;
        if (length > maxFileBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"file is {length:N0} bytes, over the limit of {maxFileBytes:N0}"));
        }

        IReadOnlyList<byte[]> payloads;
        try
        {
            payloads = extension switch
            {
                ".txt" => [FromText(path)],
                ".json" => ReadJson(File.ReadAllBytes(path)),
                ".ndjson" or ".jsonl" => ReadJsonLines(File.ReadAllBytes(path)),
                ".sgm" => ReutersSgmlReader.ReadFile(path).Select(FromReuters).ToList(),
                _ => ReadFeed(File.ReadAllBytes(path), Path.GetFileNameWithoutExtension(path)),
            };
        }
        catch (Exception ex) when (ex is FeedFormatException or JsonException or FormatException or DecoderFallbackException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        RefuseWhenNoneIsValid(payloads);
        return payloads;
    }

    /// <summary>One Reuters-21578 story as the record <c>monitoring import</c> hands to the pipeline.</summary>
    public static byte[] FromReuters(ReutersStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new IncomingArticle
        {
            Title = story.Title,
            Text = string.Join("\n\n", story.Paragraphs()),
            Source = ReutersStory.SourceName,
            Language = ReutersStory.Language,
            Published = story.Date?.ToString("O", CultureInfo.InvariantCulture),
        }.ToUtf8Json();
    }

    /// <summary>
    /// A file whose first <see cref="SampleSize"/> records are all refused by the normaliser is no article
    /// file at all (random bytes, a log, another program's export): refused whole with the first record's
    /// reason, rather than recorded and quarantined row by row (a 50 MB random .jsonl once made 204,237
    /// quarantined rows). One valid record among them is enough for the file to go through as before.
    /// </summary>
    private static void RefuseWhenNoneIsValid(IReadOnlyList<byte[]> payloads)
    {
        var sample = payloads.Take(SampleSize).ToList();
        string? firstReason = null;
        foreach (var payload in sample)
        {
            if (ArticleNormaliser.TryNormalise(payload, int.MaxValue, DateTimeOffset.UtcNow, out var reason) is not null)
            {
                return;
            }

            firstReason ??= reason;
        }

        if (sample.Count > 0)
        {
            throw new InvalidDataException(sample.Count == 1
                ? $"its only record is not an article: {firstReason}"
                : string.Create(CultureInfo.InvariantCulture, $"none of its first {sample.Count:N0} records is an article (the first: {firstReason})"));
        }
    }

    // Text and SGML records go straight to the sender's form the normaliser reads, never through an Article: the
    // pipeline makes the one Article of each item.
    private static byte[] FromText(string path)
    {
        var sidecar = ArticleSidecar.ReadFor(path);
        var parsed = PlainTextArticleParser.Parse(File.ReadAllText(path));
        return new IncomingArticle
        {
            Title = parsed.Title,
            Text = string.Join("\n\n", parsed.Paragraphs),
            Credit = parsed.Credit,
            Source = sidecar.Source,
            SourceCountry = sidecar.SourceCountry,
            Language = sidecar.Language,
            Url = sidecar.Url?.AbsoluteUri,
            Published = sidecar.Published?.ToString("O", CultureInfo.InvariantCulture),
        }.ToUtf8Json();
    }

    private static List<byte[]> ReadJson(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var elements = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().ToList()
            : [document.RootElement];
        // The element's own bytes: invalid UTF-8 inside a string is the normaliser's reason, not a crash here.
        return elements.Select(element => JsonMarshal.GetRawUtf8Value(element).ToArray()).ToList();
    }

    /// <summary>
    /// One item per non-blank line. Lines whose URL recurs in the file come from a page holding many items
    /// (the demo corpus cites Wikipedia's Current events pages), so that URL does not identify them; a source
    /// such as "X (cites: Reuters, BBC)" is split into the outlet and its attribution.
    /// </summary>
    private static List<byte[]> ReadJsonLines(byte[] bytes)
    {
        var lines = SplitLines(bytes);
        var parsed = lines.Select(TryParse).ToList();
        var urlCounts = parsed
            .Where(item => !string.IsNullOrWhiteSpace(item?.Url))
            .GroupBy(item => item!.Url!.Trim(), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var payloads = new List<byte[]>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (parsed[i] is not { } item)
            {
                payloads.Add(lines[i]); // quarantined by the pipeline with the parser's reason
                continue;
            }

            var shared = item.Url is { } url && urlCounts.GetValueOrDefault(url.Trim()) > 1;
            var (outlet, attribution) = item.Source is { } source ? JsonlCorpusReader.SplitSource(source) : (null, null);
            payloads.Add((item with
            {
                UrlShared = item.UrlShared || shared,
                Source = outlet,
                Attribution = item.Attribution ?? attribution,
            }).ToUtf8Json());
        }

        return payloads;
    }

    private static IncomingArticle? TryParse(byte[] line)
    {
        try
        {
            return JsonSerializer.Deserialize<IncomingArticle>(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(line), IncomingArticle.Json);
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            var line = bytes.AsSpan(start, i - start).TrimEnd((byte)'\r');
            if (line.Trim(" \t"u8).Length > 0)
            {
                lines.Add(line.ToArray());
            }

            start = i + 1;
        }

        return lines;
    }

    private static List<byte[]> ReadFeed(byte[] bytes, string fallbackSource)
    {
        var feed = FeedParser.Parse(bytes);
        if (feed.Items.Count == 0)
        {
            throw new InvalidDataException(feed.Error is null ? "the feed has no items" : $"the feed has no items ({feed.Error})");
        }

        var source = string.IsNullOrWhiteSpace(feed.Title) ? fallbackSource : feed.Title;
        return feed.Items.Select(item => FeedItemMapper.ToIncoming(item, source, feed.Language).ToUtf8Json()).ToList();
    }
}

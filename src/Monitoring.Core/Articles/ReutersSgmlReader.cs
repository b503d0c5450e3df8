using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>One story of the Reuters-21578 collection.</summary>
/// <param name="NewId">The NEWID attribute, unique in the collection.</param>
/// <param name="Date">The DATE element (1987, no zone given; read as UTC); null when unreadable.</param>
/// <param name="Dateline">E.g. "SALVADOR, Feb 26 -", empty when absent.</param>
/// <param name="Body">Paragraphs separated by blank lines, wrapped lines joined, the closing "Reuter" dropped.</param>
/// <param name="Places">The PLACES codes ("usa", "west-germany"): the countries the story is about.</param>
/// <param name="Topics">The TOPICS codes ("cocoa", "trade").</param>
public sealed record ReutersStory(
    int NewId,
    DateTimeOffset? Date,
    string Title,
    string Dateline,
    string Body,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Topics)
{
    /// <summary>The outlet name articles read from the collection carry.</summary>
    public const string SourceName = "Reuters";

    /// <summary>The collection is English throughout.</summary>
    public const string Language = "en";

    /// <summary>
    /// The story as an article: the dateline opens the first paragraph, as on the wire ("SALVADOR, Feb 26 -
    /// Showers continued…"). The id is by content, so the collection's verbatim duplicates become one article.
    /// </summary>
    public Article ToArticle(DateTimeOffset ingestedAt) => new()
    {
        Id = ArticleId.ForContent(SourceName, Title, Body),
        Title = Title,
        Paragraphs = Paragraphs(),
        Source = SourceName,
        Language = Language,
        Published = Date,
        IngestedAt = ingestedAt,
    };

    /// <summary>The body's paragraphs, the dateline opening the first, as on the wire.</summary>
    public List<string> Paragraphs()
    {
        var paragraphs = Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Dateline.Length > 0)
        {
            if (paragraphs.Count == 0)
            {
                paragraphs.Add(Dateline);
            }
            else
            {
                paragraphs[0] = Dateline + " " + paragraphs[0];
            }
        }

        return paragraphs;
    }
}

/// <summary>
/// Reads the SGML files of Reuters-21578 (<c>reut2-000.sgm</c> … <c>reut2-021.sgm</c>): each REUTERS element
/// gives date, title, dateline, body, places and topics. Character references (&amp;#3;, &amp;lt;) are
/// decoded and control characters dropped. The files are read as Latin-1, which every byte of them is.
/// </summary>
public static partial class ReutersSgmlReader
{
    /// <summary>Every story of the <c>reut2-*.sgm</c> files of a folder, in file and story order.</summary>
    public static IEnumerable<ReutersStory> ReadFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No reut2-*.sgm files in {Path.GetFullPath(folder)}.");
        }

        return files.SelectMany(ReadFile);
    }

    public static IEnumerable<ReutersStory> ReadFile(string path) => Parse(File.ReadAllText(path, Encoding.Latin1));

    /// <summary>Parses SGML text holding REUTERS elements.</summary>
    public static IEnumerable<ReutersStory> Parse(string sgml)
    {
        ArgumentNullException.ThrowIfNull(sgml);
        foreach (Match story in StoryPattern().Matches(sgml))
        {
            var attributes = story.Groups["attributes"].Value;
            var content = story.Groups["content"].Value;
            var newId = NewIdPattern().Match(attributes) is { Success: true } id
                ? int.Parse(id.Groups[1].Value, CultureInfo.InvariantCulture)
                : 0;
            var text = Element(content, "TEXT") ?? "";
            var body = Element(text, "BODY");
            var title = Element(text, "TITLE");

            // UNPROC stories have no TITLE/BODY: their whole TEXT is the body.
            body ??= title is null && Element(text, "DATELINE") is null ? TagPattern().Replace(text, " ") : "";
            yield return new ReutersStory(
                newId,
                ParseDate(Element(content, "DATE")),
                Clean(title ?? "").Trim(),
                Clean(Element(text, "DATELINE") ?? "").Trim(),
                Paragraphs(Clean(body)),
                Codes(Element(content, "PLACES")),
                Codes(Element(content, "TOPICS")));
        }
    }

    private static string? Element(string text, string name)
    {
        var open = text.IndexOf("<" + name, StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var start = text.IndexOf('>', open) + 1;
        var close = text.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return close < 0 ? text[start..] : text[start..close];
    }

    private static List<string> Codes(string? element) =>
        element is null ? [] : DPattern().Matches(element).Select(match => match.Groups[1].Value.Trim()).Where(code => code.Length > 0).ToList();

    private static DateTimeOffset? ParseDate(string? text)
    {
        // "26-FEB-1987 15:01:01.79"; a few carry junk after the time.
        var trimmed = text?.Trim();
        return trimmed is { Length: >= 20 } && DateTime.TryParseExact(
            trimmed[..20], "d-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;
    }

    private static string Clean(string text)
    {
        var decoded = EntityPattern().Replace(text, match => match.Groups[1].Value switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            var number when number.StartsWith('#') && int.TryParse(number[1..], CultureInfo.InvariantCulture, out var code) =>
                code is >= 32 and < 0xD800 ? ((char)code).ToString() : "",
            _ => match.Value,
        });
        return new string(decoded.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
    }

    // Paragraphs start on an indented line; other line breaks only wrap the text. The closing "Reuter" is a signature.
    private static string Paragraphs(string body)
    {
        var paragraphs = ParagraphBreakPattern().Split(body.Replace("\r", "", StringComparison.Ordinal))
            .Select(paragraph => WhitespacePattern().Replace(paragraph, " ").Trim())
            .Where(paragraph => paragraph.Length > 0)
            .ToList();
        if (paragraphs.Count > 0)
        {
            paragraphs[^1] = SignaturePattern().Replace(paragraphs[^1], "").Trim();
            if (paragraphs[^1].Length == 0)
            {
                paragraphs.RemoveAt(paragraphs.Count - 1);
            }
        }

        return string.Join("\n\n", paragraphs);
    }

    [GeneratedRegex(@"<REUTERS(?<attributes>[^>]*)>(?<content>.*?)</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex StoryPattern();

    [GeneratedRegex(@"NEWID=""(\d+)""")]
    private static partial Regex NewIdPattern();

    [GeneratedRegex(@"<D>(.*?)</D>", RegexOptions.Singleline)]
    private static partial Regex DPattern();

    [GeneratedRegex(@"&(#\d+|lt|gt|amp|quot);")]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\n[ \t]{2,}")]
    private static partial Regex ParagraphBreakPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"\s*\bReuter\s*$")]
    private static partial Regex SignaturePattern();
}

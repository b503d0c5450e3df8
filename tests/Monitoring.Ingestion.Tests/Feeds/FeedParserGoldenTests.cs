using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Feeds;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Feeds;

/// <summary>
/// Every feed of rss-parser-js's test suite (../shared/data/feeds/rss-parser-js), compared field by field
/// with the output that project expects: title, link, id, date, author, text, categories, enclosure.
/// </summary>
public sealed class FeedParserGoldenTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Corpora, "feeds", "rss-parser-js", "test");

    public static TheoryData<string> Feeds()
    {
        var outputs = Path.Combine(Folder, "output");
        return Directory.Exists(outputs)
            ? new(Directory.EnumerateFiles(outputs, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!)
            : new("(corpus absent)");
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public void Parses_AsRssParserJsExpects(string name)
    {
        SkipWithoutCorpus();
        var input = Directory.EnumerateFiles(Path.Combine(Folder, "input"), name + ".*").Single();
        using var expectedJson = JsonDocument.Parse(ReadExpected(Path.Combine(Folder, "output", name + ".json")));
        var expected = expectedJson.RootElement.GetProperty("feed");

        var feed = FeedParser.Parse(File.ReadAllBytes(input));

        var expectedItems = expected.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expectedItems.Count, feed.Items.Count);
        Assert.True(SameText(Optional(expected, "title"), feed.Title), $"feed title '{feed.Title}'");
        AssertLink(Optional(expected, "link"), feed.Link, "feed");
        for (var i = 0; i < expectedItems.Count; i++)
        {
            AssertItem(expectedItems[i], feed.Items[i], $"{name} item {i}", feed.Format);
        }
    }

    [Fact]
    public void AnHtmlPage_IsNoFeed()
    {
        SkipWithoutCorpus();

        var failure = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(File.ReadAllBytes(Path.Combine(Folder, "input", "unrecognized.rss"))));

        Assert.Contains("<head>", failure.Message, StringComparison.Ordinal);
    }

    private static void AssertItem(JsonElement expected, FeedItem actual, string where, string format)
    {
        Assert.True(SameText(Optional(expected, "title"), actual.Title), $"{where}: title '{actual.Title}', expected '{Optional(expected, "title")}'");
        AssertLink(Optional(expected, "link"), actual.Link, where);
        var id = Optional(expected, "guid") ?? Optional(expected, "id");
        if (id is not null)
        {
            Assert.True(id == actual.Id, $"{where}: id '{actual.Id}', expected '{id}'");
        }

        if (Optional(expected, "isoDate") is { } isoDate)
        {
            Assert.Equal(DateTimeOffset.Parse(isoDate, CultureInfo.InvariantCulture), actual.Published);
        }
        else
        {
            Assert.Null(actual.Published);
        }

        var author = Optional(expected, "creator") ?? Optional(expected, "author");
        if (author is not null)
        {
            Assert.True(author == actual.Author, $"{where}: author '{actual.Author}', expected '{author}'");
        }

        // rss-parser-js's "content" is the description (RSS) or the content, else summary (Atom), as written.
        // Its xml2js-options fixture configures "EMPTY" for empty elements.
        var content = Optional(expected, "content") is "EMPTY" && where.StartsWith("xml2js-options", StringComparison.Ordinal) ? null : Optional(expected, "content");
        var html = format == "atom" ? actual.Content ?? actual.Summary : actual.Summary;
        Assert.True(SameText(Words(content), Words(html)) || SameWords(content, html) || SameBareText(content, html) || SameWords(content, Unescaped(html)) || SameBareText(content, Unescaped(html)), $"{where}: content\n{html}\nexpected\n{content}");

        if (expected.TryGetProperty("categories", out var categories) && categories.ValueKind == JsonValueKind.Array)
        {
            var names = categories.EnumerateArray()
                .Select(category => category.ValueKind == JsonValueKind.Object ? Optional(category, "_") : category.GetString())
                .OfType<string>()
                .Select(category => category.Trim())
                .ToList();
            Assert.Equal(names, actual.Categories);
        }

        if (expected.TryGetProperty("enclosure", out var enclosure) && Optional(enclosure, "url") is { } enclosureUrl)
        {
            Assert.Contains(actual.Media, media => media.OriginalString == enclosureUrl || media == new Uri(enclosureUrl));
        }
    }

    // rss-parser-js leaves relative links as written; this parser resolves them, so a relative expected
    // link must be the end of the resolved one.
    private static void AssertLink(string? expected, Uri? actual, string where)
    {
        if (expected is null)
        {
            return;
        }

        if (Uri.TryCreate(expected, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            Assert.True(absolute == actual, $"{where}: link '{actual}', expected '{expected}'");
        }
        else
        {
            Assert.True(actual is null || actual.OriginalString.EndsWith(expected, StringComparison.Ordinal), $"{where}: link '{actual}', expected to end with '{expected}'");
        }
    }

    private static string? Optional(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim() is { Length: > 0 } text ? text : null,
                JsonValueKind.Object => Optional(value, "_"),
                _ => null,
            }
            : null;

    // Compared as words: rss-parser-js and this parser lay out whitespace around block elements differently.
    // Where a feed carries markup as elements, rss-parser-js rebuilds it from xml2js's object tree, which
    // moves an element's text away from its child elements (and glues "by" to "to"), and writes "&" in
    // text unescaped: the visible characters are the same, their order and spacing are not.
    private static bool SameWords(string? expected, string? actual) =>
        expected is not null && actual is not null && HtmlText.LooksLikeHtml(expected)
        && VisibleCharacters(expected).SequenceEqual(VisibleCharacters(actual));

    // Where <description> holds markup without one enclosing element, xml2js keeps only the text between
    // the elements and drops the elements; this parser keeps the markup.
    private static bool SameBareText(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return false;
        }

        var previous = string.Empty;
        var bare = actual;
        while (bare != previous)
        {
            previous = bare;
            bare = System.Text.RegularExpressions.Regex.Replace(bare, @"<(\w+)[^>]*>[^<]*</\1>|<[^>]*/>", string.Empty);
        }

        return Words(expected) == Words(bare);
    }

    private static string? Unescaped(string? html) => html?.Replace("&amp;", "&", StringComparison.Ordinal);

    private static IEnumerable<char> VisibleCharacters(string html) =>
        HtmlText.ToPlainText(html).Where(c => !char.IsWhiteSpace(c)).Order();

    private static string? Words(string? text) => text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // rss-parser-js read the undeclared Latin-1 of uolNoticias.rss as UTF-8 and kept U+FFFD for each such
    // byte; this parser decodes those bytes, so U+FFFD in the expected text stands for one non-ASCII
    // character, or for a no-break space that whitespace normalisation removed.
    private static bool SameText(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            return expected == actual;
        }

        int e = 0, a = 0;
        while (e < expected.Length)
        {
            if (a < actual.Length && (expected[e] == actual[a] || (expected[e] == '\uFFFD' && (actual[a] > 127 || actual[a] == ' '))))
            {
                e++;
                a++;
            }
            else if (expected[e] == '\uFFFD' || (expected[e] == ' ' && e + 1 < expected.Length && expected[e + 1] == '\uFFFD'))
            {
                e++;
            }
            else
            {
                return false;
            }
        }

        return a == actual.Length;
    }

    // The fixture for encoding.rss was written in Latin-1, the others in UTF-8.
    private static string ReadExpected(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static void SkipWithoutCorpus()
    {
        if (!Directory.Exists(Folder))
        {
            Assert.Skip($"The feed corpus is absent ({Folder}); set MONITORING_CORPORA.");
        }
    }
}

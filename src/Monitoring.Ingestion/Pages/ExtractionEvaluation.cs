using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Monitoring.Ingestion.Pages;

/// <summary>
/// Measures <see cref="ArticlePageExtractor"/> on a folder of test pages laid out as one folder per page with
/// source.html, expected.html (the article content) and expected-metadata.json (title, byline, lang,
/// publishedTime), such as the readability test pages.
/// </summary>
public static class ExtractionEvaluation
{
    public static ExtractionReport Run(string pagesFolder, ArticlePageExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var pages = Directory.EnumerateDirectories(pagesFolder)
            .Where(folder => File.Exists(Path.Combine(folder, "source.html")) && File.Exists(Path.Combine(folder, "expected.html")))
            .Order(StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(folder => Evaluate(folder, extractor))
            .ToList();
        return new ExtractionReport(pages);
    }

    /// <summary>
    /// Measures a folder of page pairs: <c>name.html</c> beside <c>name.txt</c>, the expected article text (the
    /// layout of the regional test pages in tests/Monitoring.Ingestion.Tests/Pages/Regional). Metadata is not scored.
    /// </summary>
    public static ExtractionReport RunPairs(string folder, ArticlePageExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var pages = Directory.EnumerateFiles(folder, "*.html")
            .Where(page => File.Exists(Path.ChangeExtension(page, ".txt")))
            .Order(StringComparer.Ordinal)
            .Select(page =>
            {
                var html = File.ReadAllBytes(page);
                var watch = Stopwatch.StartNew();
                var extracted = extractor.Extract(html);
                watch.Stop();
                var expected = File.ReadAllText(Path.ChangeExtension(page, ".txt"), Encoding.UTF8);
                return new PageEvaluation(Path.GetFileNameWithoutExtension(page), extracted, TextOverlap.Compare(extracted.Text, expected), new ExpectedMetadata(null, null, null, null), watch.Elapsed);
            })
            .ToList();
        return new ExtractionReport(pages);
    }

    public static PageEvaluation Evaluate(string pageFolder, ArticlePageExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var source = File.ReadAllText(Path.Combine(pageFolder, "source.html"), Encoding.UTF8);
        var watch = Stopwatch.StartNew();
        var extracted = extractor.Extract(source);
        watch.Stop();
        var expectedText = TextOf(File.ReadAllText(Path.Combine(pageFolder, "expected.html"), Encoding.UTF8));
        var metadataPath = Path.Combine(pageFolder, "expected-metadata.json");
        var expected = File.Exists(metadataPath) ? ExpectedMetadata.Read(File.ReadAllText(metadataPath, Encoding.UTF8)) : new ExpectedMetadata(null, null, null, null);
        return new PageEvaluation(Path.GetFileName(pageFolder), extracted, TextOverlap.Compare(extracted.Text, expectedText), expected, watch.Elapsed);
    }

    private static string TextOf(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        return document.Body?.TextContent ?? string.Empty;
    }
}

/// <summary>The metadata a test page expects; empty values mean "not stated" and are not scored.</summary>
public sealed record ExpectedMetadata(string? Title, string? Byline, string? Language, string? Published)
{
    public static ExpectedMetadata Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ExpectedMetadata(Field(root, "title"), Field(root, "byline"), Field(root, "lang"), Field(root, "publishedTime"));
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}

/// <summary>One page: what was extracted, its text overlap and how each metadata field compares.</summary>
public sealed record PageEvaluation(string Name, ExtractedPage Extracted, TextOverlap Text, ExpectedMetadata Expected, TimeSpan Elapsed)
{
    public bool TitleExact => Expected.Title is not null && string.Equals(PageText.Normalize(Expected.Title), Extracted.Title, StringComparison.Ordinal);

    /// <summary>Equal once case, spacing and punctuation are ignored.</summary>
    public bool TitleNormalised => Expected.Title is not null && Comparable(Expected.Title) == Comparable(Extracted.Title);

    /// <summary>Normalised equal, or one is the other plus a site-name part ("Headline | Site").</summary>
    public bool TitleHeadline => TitleNormalised || (Expected.Title is not null && Extracted.Title is not null
        && Comparable(Extracted.Title).Length > 0 && Comparable(Expected.Title).Length > 0
        && (Comparable(Expected.Title).StartsWith(Comparable(Extracted.Title), StringComparison.Ordinal)
            || Comparable(Expected.Title).EndsWith(Comparable(Extracted.Title), StringComparison.Ordinal)
            || Comparable(Extracted.Title).StartsWith(Comparable(Expected.Title), StringComparison.Ordinal)));

    public bool BylineExact => Expected.Byline is not null && string.Equals(PageText.Normalize(Expected.Byline), Extracted.Byline, StringComparison.Ordinal);

    /// <summary>Equal ignoring a leading "By", case, spacing and punctuation.</summary>
    public bool BylineNormalised => Expected.Byline is not null && Comparable(PageMetadataReader.CleanByline(Expected.Byline) ?? Expected.Byline) == Comparable(Extracted.Byline);

    /// <summary>The same primary language subtag ("en-US" and "en" agree).</summary>
    public bool LanguageMatches => Expected.Language is not null && PageMetadataReader.LanguageCode(Expected.Language) == Extracted.Language;

    /// <summary>The same instant (an expected time without an offset is read as UTC, as the extractor does).</summary>
    public bool PublishedSameInstant => Expected.Published is not null && PageDates.Parse(Expected.Published) is { } expected && expected == Extracted.Published;

    public bool PublishedSameDay => Expected.Published is not null && PageDates.Parse(Expected.Published) is { } expected
        && Extracted.Published is { } actual && Math.Abs((expected - actual).TotalHours) < 24 && expected.Date == actual.Date;

    internal static string Comparable(string? text)
    {
        var builder = new StringBuilder();
        foreach (var character in PageText.Normalize(text))
        {
            if (char.IsLetterOrDigit(character))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString();
    }
}

/// <summary>Figures over all pages: text F1 micro (over all tokens) and mean per page; metadata accuracy per field.</summary>
public sealed record ExtractionReport(IReadOnlyList<PageEvaluation> Pages)
{
    public double MeanF1 => Pages.Count == 0 ? 0 : Pages.Average(page => page.Text.F1);

    public double MeanPrecision => Pages.Count == 0 ? 0 : Pages.Average(page => page.Text.Precision);

    public double MeanRecall => Pages.Count == 0 ? 0 : Pages.Average(page => page.Text.Recall);

    public TextOverlap Micro => new(Pages.Sum(page => page.Text.ExtractedTokens), Pages.Sum(page => page.Text.ExpectedTokens), Pages.Sum(page => page.Text.CommonTokens));

    /// <summary>How many pages state a value for a field, and how many of those the predicate accepts.</summary>
    public (int Correct, int Stated) Accuracy(Func<ExpectedMetadata, string?> field, Func<PageEvaluation, bool> correct)
    {
        ArgumentNullException.ThrowIfNull(field);
        var stated = Pages.Where(page => field(page.Expected) is not null).ToList();
        return (stated.Count(correct), stated.Count);
    }
}

using System.Globalization;
using System.Text;
using AngleSharp;
using AngleSharp.Html.Parser;

namespace Monitoring.Ingestion.Pages;

/// <summary>
/// Extracts the article from one HTML page: main text as paragraphs, title, byline, published time and
/// language, with the evidence for each. Pure and synchronous: fetching is the caller's business. Pages are
/// untrusted: scripts are never run, pages over <see cref="PageExtractionOptions.MaxPageBytes"/> and binary
/// content are refused, and malformed HTML never throws — the result's <see cref="ExtractedPage.Error"/> says
/// what went wrong. Thread-safe; one instance can serve the whole process.
/// </summary>
public sealed class ArticlePageExtractor
{
    // Real pages nest a few dozen levels; thousands only come from hostile or broken markup, and would
    // exhaust the stack of the recursive DOM walks (an overflow cannot be caught).
    public const int MaxDepth = 500;

    private readonly int _maxPageBytes;

    public ArticlePageExtractor(PageExtractionOptions? options = null)
    {
        _maxPageBytes = (options ?? new PageExtractionOptions()).MaxPageBytes;
    }

    /// <summary>Extracts from decoded HTML text.</summary>
    /// <param name="html">The page as text.</param>
    /// <param name="url">Where the page came from, if known; kept for the caller, not fetched.</param>
    /// <param name="feedSummary">The feed item's own summary, if the caller has one: the last fallback when the page yields almost no text.</param>
    public ExtractedPage Extract(string html, Uri? url = null, string? feedSummary = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > _maxPageBytes || Encoding.UTF8.GetByteCount(html) > _maxPageBytes)
        {
            return ExtractedPage.Refused(TooLarge(Encoding.UTF8.GetByteCount(html)));
        }

        if (BinaryContent.Describe(html) is { } binary)
        {
            return ExtractedPage.Refused(binary);
        }

        return TooDeep(html) ?? Parse(parser => parser.ParseDocument(html), url, feedSummary);
    }

    /// <summary>
    /// Extracts from the raw bytes of a response; the encoding comes from the byte-order mark or the page's
    /// &lt;meta charset&gt;, else UTF-8.
    /// </summary>
    public ExtractedPage Extract(ReadOnlyMemory<byte> content, Uri? url = null, string? feedSummary = null)
    {
        if (content.Length > _maxPageBytes)
        {
            return ExtractedPage.Refused(TooLarge(content.Length));
        }

        if (BinaryContent.Describe(content.Span) is { } binary)
        {
            return ExtractedPage.Refused(binary);
        }

        // Latin-1 maps every byte to one character, so the tags of any ASCII-compatible encoding read as they are.
        return TooDeep(Encoding.Latin1.GetString(content.Span)) ?? Parse(parser =>
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            return parser.ParseDocument(stream);
        }, url, feedSummary);
    }

    private static ExtractedPage? TooDeep(string markup)
    {
        var depth = MarkupNesting.Deepest(markup);
        return depth > MaxDepth ? ExtractedPage.Refused(NestedTooDeeply(depth)) : null;
    }

    private static string NestedTooDeeply(int depth) =>
        string.Create(CultureInfo.InvariantCulture, $"page nested too deeply: {depth} levels, the limit is {MaxDepth}");

    private string TooLarge(long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"page too large: {bytes:N0} bytes, the limit is {_maxPageBytes:N0} ({PageExtractionOptions.SectionName}:{nameof(PageExtractionOptions.MaxPageBytes)})");

    private static int Depth(AngleSharp.Dom.IDocument document)
    {
        var deepest = 0;
        var stack = new Stack<(AngleSharp.Dom.IElement Element, int Depth)>();
        if (document.DocumentElement is { } root)
        {
            stack.Push((root, 1));
        }

        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            if (depth > MaxDepth)
            {
                break;
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    /// <summary>The page's own &lt;link rel=canonical&gt; or og:url, resolved against where it was fetched from.</summary>
    private static Uri? CanonicalUrl(AngleSharp.Html.Dom.IHtmlDocument document, Uri? url)
    {
        var declared = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url'][content]")?.GetAttribute("content");
        if (string.IsNullOrWhiteSpace(declared))
        {
            return url;
        }

        var resolved = url is not null && Uri.TryCreate(url, declared.Trim(), out var relative) ? relative
            : Uri.TryCreate(declared.Trim(), UriKind.Absolute, out var absolute) ? absolute : null;
        return resolved is not null && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps) ? resolved : url;
    }

    private static ExtractedPage Parse(Func<HtmlParser, AngleSharp.Html.Dom.IHtmlDocument> parse, Uri? url, string? feedSummary)
    {
        try
        {
            // No browsing context: scripts are parsed as inert text and nothing is loaded.
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false }, BrowsingContext.New(Configuration.Default));
            using var document = parse(parser);
            var depth = Depth(document);
            if (depth > MaxDepth)
            {
                return ExtractedPage.Refused(NestedTooDeeply(depth));
            }

            var metadata = PageMetadataReader.Read(document);
            var content = MainContentFinder.Find(document, metadata.Headline, metadata.ArticleBody, feedSummary);
            var trace = new ExtractionTrace
            {
                ContentElement = content.Element,
                ContentScore = Math.Round(content.Score, 1),
                Fallback = content.Fallback,
                Candidates = content.Candidates,
                FieldSources = metadata.Sources,
            };
            return new ExtractedPage
            {
                Error = content.Paragraphs.Count == 0 ? "no text found in the page" : null,
                Title = metadata.Title,
                Byline = metadata.Byline,
                SiteName = metadata.SiteName,
                Published = metadata.Published,
                Language = metadata.Language,
                CanonicalUrl = CanonicalUrl(document, url),
                Paragraphs = content.Paragraphs,
                Trace = trace,
            };
        }
#pragma warning disable CA1031 // The page is untrusted input: whatever breaks while reading it becomes the result's reason.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ExtractedPage.Refused($"page could not be read: {exception.GetType().Name}: {exception.Message}");
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>
/// Turns the HTML of a feed item or pushed article into paragraphs of plain text. Not an article
/// extractor: it keeps all visible text, drops scripts, styles and markup, decodes entities and breaks
/// paragraphs at block elements.
/// </summary>
public static partial class HtmlText
{
    /// <summary>Paragraphs of visible text, whitespace collapsed, empty ones dropped.</summary>
    public static IReadOnlyList<string> ToParagraphs(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = InvisibleElement().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = BlockBoundary().Replace(text, "\n\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return text.Split("\n\n", StringSplitOptions.None)
            .Select(Whitespace.Collapse)
            .Where(paragraph => paragraph.Length > 0)
            .ToList();
    }

    /// <summary>All visible text as one line.</summary>
    public static string ToPlainText(string html) => string.Join(' ', ToParagraphs(html));

    /// <summary>True when the text holds markup (a tag or an entity), i.e. it should go through <see cref="ToParagraphs"/>.</summary>
    public static bool LooksLikeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tag().IsMatch(text) || Entity().IsMatch(text);
    }

    [GeneratedRegex(@"<(script|style|noscript|template|iframe|svg|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InvisibleElement();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<\s*/?\s*(p|div|br|h[1-6]|li|ul|ol|tr|table|blockquote|section|article|header|footer|figure|figcaption|pre|hr)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"</?[a-zA-Z!][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();
}

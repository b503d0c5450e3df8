using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Monitoring.Ingestion.Pages;

/// <summary>The main text of a page and the evidence for the choice.</summary>
internal sealed record MainContent(IReadOnlyList<string> Paragraphs, string? Element, double Score, IReadOnlyList<ContentCandidate> Candidates);

/// <summary>
/// Finds the block holding the article text. Chrome (scripts, navigation, asides, hidden and boilerplate-named
/// elements) is removed first; every block of running text then votes for the containers above it, weighted
/// by its length and its commas; containers lose the share of their text that is link text and gain or lose
/// by their class and id names. The best container and those of its siblings that look like the same text
/// are read out paragraph by paragraph, dropping link lists inside them.
/// </summary>
internal static partial class MainContentFinder
{
    private static readonly HashSet<string> ChromeTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "button", "input",
        "select", "textarea", "option", "nav", "aside", "footer", "dialog", "link", "meta", "label", "head",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body", "html",
    };

    // Text in these belongs to the element around them; other blocks (div, td, section) hold their own text.
    private static readonly HashSet<string> ParagraphTags = new(StringComparer.Ordinal)
    {
        "p", "pre", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "figcaption", "caption", "address",
    };

    private static readonly HashSet<string> ProtectedTags = new(StringComparer.Ordinal) { "html", "body", "article", "main" };

    private static readonly HashSet<string> ListLikeTags = new(StringComparer.Ordinal) { "ul", "ol", "div", "section", "table", "dl", "header", "form" };

    private static readonly string[] SentenceEnds = [".", "!", "?", "。", "！", "？", ".\"", ".”", ":"];

    public static MainContent Find(IHtmlDocument document, string? title)
    {
        var body = document.Body;
        if (body is null)
        {
            return new MainContent([], null, 0, []);
        }

        RemoveChrome(body);
        var measures = new Measures();
        measures.CountCharacters(body);
        var scores = ScoreContainers(body, measures);
        var ranked = scores
            .Select(entry => Rate(entry.Key, entry.Value, measures))
            .OrderByDescending(candidate => candidate.Score)
            .ToList();

        // The best block can turn out to be all link lists once read; then the runner-up speaks.
        var paragraphs = new List<string>();
        Rated? best = null;
        foreach (var candidate in ranked.Take(3))
        {
            var chosen = WidenToArticle(candidate, measures);
            paragraphs = Read(WithRelatedSiblings(chosen, scores, measures), measures);
            best = chosen;
            if (paragraphs.Count > 0)
            {
                break;
            }
        }

        if (paragraphs.Count == 0)
        {
            paragraphs = Read([body], measures);
            best = null;
        }

        if (title is not null && paragraphs.Count > 0 && string.Equals(paragraphs[0], title, StringComparison.OrdinalIgnoreCase))
        {
            paragraphs.RemoveAt(0);
        }

        var evidence = ranked.Take(5).Select(candidate => new ContentCandidate(
            Describe(candidate.Element), Math.Round(candidate.Score, 1), Math.Round(candidate.TextScore, 1), Math.Round(candidate.LinkDensity, 2), candidate.Hint, candidate.TextLength)).ToList();
        return new MainContent(paragraphs, best is null ? "body" : Describe(best.Element), best?.Score ?? 0, evidence);
    }

    private static List<string> Read(IEnumerable<IElement> parts, Measures measures)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var part in parts)
        {
            Collect(part, current, paragraphs, measures);
            Flush(current, paragraphs);
        }

        return paragraphs;
    }

    private static void RemoveChrome(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null)
            {
                continue; // inside something already removed
            }

            if (ChromeTags.Contains(element.LocalName) || IsHidden(element) || IsBoilerplate(element))
            {
                element.Remove();
            }
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static bool IsBoilerplate(IElement element) =>
        !ProtectedTags.Contains(element.LocalName)
        && Hint(element) < 0
        && !PositiveNames().IsMatch(Names(element))
        && element.QuerySelector("main, [itemprop~=articleBody], h1") is null
        && !element.QuerySelectorAll("article").Any(article => !NegativeNames().IsMatch(Names(article))); // comments are often <article>s too

    private static string Names(IElement element) => $"{element.ClassName} {element.Id}";

    /// <summary>+25 for names like article/content/post, −25 for comment/sidebar/share/related/promo… (both: 0).</summary>
    private static int Hint(IElement element)
    {
        var names = Names(element);
        var bonus = string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase) ? 25 : 0;
        bonus += element.LocalName is "article" ? 10 : 0;
        if (names.Length < 2)
        {
            return bonus;
        }

        var positive = PositiveNames().IsMatch(names);
        var negative = NegativeNames().IsMatch(names);
        return bonus + (positive ? 25 : 0) - (negative ? 25 : 0);
    }

    private static Dictionary<IElement, double> ScoreContainers(IElement body, Measures measures)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var element in body.QuerySelectorAll("*").Prepend(body))
        {
            if (!BlockTags.Contains(element.LocalName))
            {
                continue;
            }

            var text = measures.InlineText(element);
            if (text.Length < 25)
            {
                continue;
            }

            if (measures.InlineLinkShare(element) < 0.3)
            {
                for (var holder = element; holder is not null; holder = holder.ParentElement)
                {
                    measures.AddProse(holder, text.Length);
                }
            }

            var vote = 1 + PageText.CountCommas(text) + Math.Min(Math.Floor(text.Length / 100.0), 3);
            var container = ParagraphTags.Contains(element.LocalName) ? element.ParentElement : element;
            var share = 1.0;
            for (var level = 0; container is not null && level < 3; level++, share /= 2, container = container.ParentElement)
            {
                scores[container] = scores.GetValueOrDefault(container) + (vote * share);
            }
        }

        return scores;
    }

    private static Rated Rate(IElement element, double textScore, Measures measures)
    {
        var linkDensity = measures.LinkDensity(element);
        var hint = Hint(element);
        // A content-like name on a block of links (a "widget-content" of headlines) is no evidence of prose.
        var weightedHint = hint > 0 ? hint * (1 - linkDensity) : hint;
        return new Rated(element, (textScore * (1 - linkDensity)) + weightedHint, textScore, linkDensity, hint, measures.TextLength(element));
    }

    /// <summary>
    /// Climbs from the best block to an ancestor that holds clearly more prose without more links: article
    /// bodies are often split into sections or step boxes, each scoring less than the whole.
    /// </summary>
    private static Rated WidenToArticle(Rated best, Measures measures)
    {
        var current = best;
        var ancestor = best.Element.ParentElement;
        for (var level = 0; ancestor is not null && level < 3 && ancestor.LocalName is not ("body" or "html"); level++, ancestor = ancestor.ParentElement)
        {
            if (measures.Prose(ancestor) >= measures.Prose(current.Element) * 1.4 && measures.LinkDensity(ancestor) < 0.3 && Hint(ancestor) >= 0)
            {
                current = new Rated(ancestor, current.Score, current.TextScore, measures.LinkDensity(ancestor), Hint(ancestor), measures.TextLength(ancestor));
            }
        }

        return current;
    }

    /// <summary>The best container and the siblings that continue its text (split article bodies, lead paragraphs).</summary>
    private static List<IElement> WithRelatedSiblings(Rated best, Dictionary<IElement, double> scores, Measures measures)
    {
        var parent = best.Element.ParentElement;
        if (parent is null || best.Element.LocalName is "body")
        {
            return [best.Element];
        }

        var threshold = Math.Max(10, best.Score * 0.2);
        var parts = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == best.Element)
            {
                parts.Add(sibling);
                continue;
            }

            var sameClass = sibling.ClassName is { Length: > 0 } name && string.Equals(name, best.Element.ClassName, StringComparison.Ordinal);
            var score = scores.TryGetValue(sibling, out var raw) ? Rate(sibling, raw, measures).Score + (sameClass ? best.Score * 0.2 : 0) : 0;
            if (score >= threshold)
            {
                parts.Add(sibling);
                continue;
            }

            if (sibling.LocalName is "p")
            {
                var text = measures.InlineText(sibling);
                var linkDensity = measures.LinkDensity(sibling);
                if ((text.Length > 80 && linkDensity < 0.25) || (text.Length > 0 && linkDensity == 0 && SentenceEnds.Any(end => text.EndsWith(end, StringComparison.Ordinal))))
                {
                    parts.Add(sibling);
                }
            }
        }

        return parts;
    }

    /// <summary>Reads text in document order, one paragraph per block, skipping link lists and boilerplate blocks.</summary>
    private static void Collect(INode node, StringBuilder current, List<string> paragraphs, Measures measures)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                current.Append(text.Data);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            if (element.LocalName is "br" or "hr")
            {
                Flush(current, paragraphs);
                continue;
            }

            if (!BlockTags.Contains(element.LocalName))
            {
                Collect(element, current, paragraphs, measures);
                continue;
            }

            if (IsLinkList(element, measures))
            {
                continue;
            }

            Flush(current, paragraphs);
            Collect(element, current, paragraphs, measures);
            Flush(current, paragraphs);
        }
    }

    private static bool IsLinkList(IElement element, Measures measures)
    {
        if (!ListLikeTags.Contains(element.LocalName) && element.LocalName is not ("p" or "li"))
        {
            return false;
        }

        var length = measures.TextLength(element);
        var linkDensity = measures.LinkDensity(element);
        return ListLikeTags.Contains(element.LocalName)
            ? linkDensity > 0.5 && length < 2000
            : linkDensity > 0.8 && length < 100 && element.LocalName is "p";
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var text = PageText.Normalize(current.ToString());
        current.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    /// <summary>"div#content.story-body", prefixed by up to three ancestors.</summary>
    private static string Describe(IElement element)
    {
        var parts = new List<string>();
        for (var current = element; current is not null && parts.Count < 4; current = current.ParentElement)
        {
            var name = new StringBuilder(current.LocalName);
            if (!string.IsNullOrEmpty(current.Id))
            {
                name.Append('#').Append(current.Id);
            }

            var firstClass = current.ClassList.Length > 0 ? current.ClassList[0] : null;
            if (firstClass is not null)
            {
                name.Append('.').Append(firstClass);
            }

            parts.Insert(0, name.ToString());
            if (current.LocalName is "body")
            {
                break;
            }
        }

        return string.Join(" > ", parts);
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"article|content|post|entry|story|text|body|main|blog|prose|hentry", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositiveNames();

    [GeneratedRegex(@"comment|sidebar|side-bar|footer|masthead|share|sharing|social|related|promo|sponsor|advert|(^|[\s_-])ads?($|[\s_-])|banner|cookie|newsletter|subscribe|popup|modal|breadcrumb|pagination|pager|menu|navbar|widget|outbrain|taboola|recommend|disqus|(^|[\s_-])tags?($|[\s_-])|login|signup|hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeNames();

    private sealed record Rated(IElement Element, double Score, double TextScore, double LinkDensity, int Hint, int TextLength);

    /// <summary>Text lengths and link text per element, computed once: the DOM is large and asked often.</summary>
    private sealed class Measures
    {
        private readonly Dictionary<IElement, string> _inline = [];
        private readonly Dictionary<IElement, (int Text, int Links)> _lengths = [];
        private readonly Dictionary<IElement, int> _prose = [];

        /// <summary>Characters of running text (blocks of 25+ characters, few links) inside the element.</summary>
        public int Prose(IElement element) => _prose.GetValueOrDefault(element);

        public void AddProse(IElement element, int characters) => _prose[element] = Prose(element) + characters;

        /// <summary>The share of the element's own inline text that sits inside links.</summary>
        public double InlineLinkShare(IElement element)
        {
            var text = InlineText(element).Length;
            var links = element.Children.Where(child => child.LocalName is "a").Sum(link => PageText.Normalize(link.TextContent).Length);
            return text == 0 ? 0 : Math.Min(1, links / (double)text);
        }

        /// <summary>The text an element holds itself: its text nodes and inline children, not its child blocks.</summary>
        public string InlineText(IElement element)
        {
            if (!_inline.TryGetValue(element, out var text))
            {
                var builder = new StringBuilder();
                AppendInline(element, builder);
                text = PageText.Normalize(builder.ToString());
                _inline[element] = text;
            }

            return text;
        }

        public int TextLength(IElement element) => Lengths(element).Text;

        /// <summary>The share of the element's text that sits inside links.</summary>
        public double LinkDensity(IElement element)
        {
            var (text, links) = Lengths(element);
            return text == 0 ? 0 : Math.Min(1, links / (double)text);
        }

        private (int Text, int Links) Lengths(IElement element) => _lengths.GetValueOrDefault(element);

        /// <summary>
        /// Counts visible characters (white space excluded) and those inside links for every element in one
        /// pass from the leaves up; an explicit stack, as hostile pages nest deeper than the call stack allows.
        /// </summary>
        public void CountCharacters(IElement root)
        {
            var stack = new Stack<(IElement Element, bool Counted)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (element, counted) = stack.Pop();
                if (!counted)
                {
                    stack.Push((element, true));
                    foreach (var child in element.Children)
                    {
                        stack.Push((child, false));
                    }

                    continue;
                }

                var text = 0;
                var links = 0;
                foreach (var child in element.ChildNodes)
                {
                    if (child is IText node)
                    {
                        text += VisibleCharacters(node.Data);
                    }
                    else if (child is IElement inner && _lengths.TryGetValue(inner, out var innerLengths))
                    {
                        text += innerLengths.Text;
                        links += innerLengths.Links;
                    }
                }

                _lengths[element] = (text, element.LocalName is "a" ? text : links);
            }
        }

        private static int VisibleCharacters(string text)
        {
            var count = 0;
            foreach (var character in text)
            {
                count += char.IsWhiteSpace(character) ? 0 : 1;
            }

            return count;
        }

        private static void AppendInline(INode node, StringBuilder builder)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    builder.Append(text.Data);
                }
                else if (child is IElement element && !BlockTags.Contains(element.LocalName))
                {
                    builder.Append(element.LocalName is "br" ? " " : string.Empty);
                    AppendInline(element, builder);
                }
            }
        }
    }
}

using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Monitoring.Ingestion.Pages;

/// <summary>The main text of a page and the evidence for the choice.</summary>
internal sealed record MainContent(IReadOnlyList<string> Paragraphs, string? Element, double Score, IReadOnlyList<ContentCandidate> Candidates, string? Fallback = null);

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

    private const string KeptDespiteName = "data-kept-despite-name";

    // About two paragraphs of prose: a list never counts for more than that.
    private const double MaxListVote = 10;

    private static readonly string[] SentenceEnds = [".", "!", "?", "。", "！", "？", ".\"", ".”", ":"];

    public static MainContent Find(IHtmlDocument document, string? title, string? structuredBody = null, string? feedSummary = null)
    {
        var body = document.Body;
        if (body is null)
        {
            return new MainContent([], null, 0, []);
        }

        RemoveChromeTags(body);
        var before = new Measures(body);
        var densest = DensestBlock(body, before);
        RemoveBoilerplate(body, before);
        var measures = new Measures(body);
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
            paragraphs = Read(WithSameClassCousins(chosen, WithRelatedSiblings(chosen, scores, measures), measures), measures);
            best = chosen;
            if (paragraphs.Count > 0)
            {
                break;
            }
        }

        var element = best is null ? null : Describe(best.Element);
        string? fallback = null;
        var length = paragraphs.Sum(paragraph => paragraph.Length);

        // Structured data as evidence, checked against what the page shows: an articleBody the chosen text
        // already covers confirms it; one it misses points at the block that holds it, or, when the page shows
        // it nowhere (rendered by script), stands in for a chosen text much shorter than itself.
        var structured = PageText.Normalize(structuredBody);
        var agreement = structured.Length >= 200 ? TextOverlap.Compare(string.Join(' ', paragraphs), structured) : null;
        if (agreement is not null && (agreement.Recall < 0.6 || agreement.Precision < 0.5))
        {
            var match = BestMatchingBlock(structured, body, ranked, measures, agreement.F1 + 0.1);
            if (match is not null)
            {
                paragraphs = Read([match.Element], measures);
                element = Describe(match.Element);
                fallback = "json-ld articleBody: the block that shows it";
            }
            else if (agreement.Recall < 0.6 && length < structured.Length * 0.5)
            {
                paragraphs = Paragraphs(structuredBody!);
                element = null;
                fallback = "json-ld articleBody: not shown in the page";
            }

            length = paragraphs.Sum(paragraph => paragraph.Length);
        }

        // A weak winner (a date line, a caption) while the block with the most running text was removed for
        // its name: the name was wrong, the text is the article.
        if (fallback is null && densest is not null && !body.Contains(densest.Element) && length < 500 && densest.Prose >= Math.Max(400, length * 3))
        {
            paragraphs = Read([densest.Element], before);
            element = densest.Description;
            fallback = "densest text block";
            length = paragraphs.Sum(paragraph => paragraph.Length);
        }

        var summary = PageText.Normalize(feedSummary);
        if (length < 150 && summary.Length > length)
        {
            paragraphs = Paragraphs(feedSummary!);
            element = null;
            fallback = "feed summary";
        }

        if (paragraphs.Count == 0 && fallback is null)
        {
            paragraphs = Read([body], measures);
            best = null;
            element = "body";
            fallback = paragraphs.Count > 0 ? "whole page: no block stood out" : null;
        }

        RemoveHeadline(paragraphs, title);

        var evidence = ranked.Take(5).Select(candidate => new ContentCandidate(
            Describe(candidate.Element), Math.Round(candidate.Score, 1), Math.Round(candidate.TextScore, 1), Math.Round(candidate.LinkDensity, 2), candidate.Hint, candidate.TextLength)).ToList();
        return new MainContent(paragraphs, element, best?.Score ?? 0, evidence, fallback);
    }

    /// <summary>
    /// Drops the headline when the chosen block starts with the article's header: the headline itself, the
    /// short lines above it (section label, kicker) and the date line below it ("Desk 14.05.2024. 09:30").
    /// </summary>
    private static void RemoveHeadline(List<string> paragraphs, string? title)
    {
        if (title is null)
        {
            return;
        }

        var at = paragraphs.Take(4).ToList().FindIndex(paragraph => string.Equals(paragraph, title, StringComparison.OrdinalIgnoreCase));
        if (at < 0 || paragraphs.Take(at).Any(paragraph => paragraph.Length >= 80))
        {
            return;
        }

        paragraphs.RemoveRange(0, at + 1);
        if (paragraphs.Count > 1 && paragraphs[0].Length < 80 && DateLine().IsMatch(paragraphs[0]))
        {
            paragraphs.RemoveAt(0);
        }
    }

    /// <summary>A text given as plain lines (JSON-LD, a feed summary) as paragraphs.</summary>
    private static List<string> Paragraphs(string text) =>
        text.Split('\n').Select(PageText.Normalize).Where(line => line.Length > 0).ToList();

    /// <summary>
    /// Among the scored candidates and their ancestors, the block whose text agrees best with the structured
    /// body (token F1 ≥ 0.6 and above <paramref name="atLeast"/>, the agreement of the text already chosen);
    /// null when none does, i.e. the body is not shown in the page or the chosen text is as good.
    /// </summary>
    private static Rated? BestMatchingBlock(string structured, IElement body, List<Rated> ranked, Measures measures, double atLeast)
    {
        var seen = new HashSet<IElement>();
        Rated? best = null;
        var bestF1 = Math.Max(0.6, atLeast);
        foreach (var candidate in ranked.Take(30))
        {
            for (var element = candidate.Element; element is not null && element != body; element = element.ParentElement)
            {
                if (!seen.Add(element) || measures.TextLength(element) < structured.Length / 4)
                {
                    continue;
                }

                var f1 = TextOverlap.Compare(PageText.Normalize(element.TextContent), structured).F1;
                if (f1 > bestF1)
                {
                    bestF1 = f1;
                    best = Rate(element, 0, measures);
                }
            }
        }

        return best;
    }

    /// <summary>The block holding the most running text before boilerplate-named blocks are removed.</summary>
    private static Densest? DensestBlock(IElement body, Measures measures)
    {
        // Prose reaches every ancestor; the densest block is the deepest one still holding most of the best's prose.
        var prose = new Dictionary<IElement, int>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (!BlockTags.Contains(element.LocalName))
            {
                continue;
            }

            var text = measures.InlineText(element);
            if (text.Length >= 25 && measures.InlineLinkShare(element) < 0.3)
            {
                var container = ParagraphTags.Contains(element.LocalName) ? element.ParentElement : element;
                if (container is not null)
                {
                    prose[container] = prose.GetValueOrDefault(container) + text.Length;
                }
            }
        }

        var top = prose.Where(entry => entry.Key != body && measures.LinkDensity(entry.Key) < 0.3).OrderByDescending(entry => entry.Value).FirstOrDefault();
        return top.Key is null ? null : new Densest(top.Key, top.Value, Describe(top.Key));
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

    private static void RemoveChromeTags(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is not null && (ChromeTags.Contains(element.LocalName) || IsHidden(element)))
            {
                element.Remove();
            }
        }
    }

    /// <summary>
    /// Removes blocks named like boilerplate. Some names are weak evidence (widget, hidden, banner, modal,
    /// subscribe, login: layout wrappers and paywalls are named so around whole articles): a block holding
    /// most of the page's running text stays if that is all its name says. Names of comments, sidebars,
    /// galleries, related stories and share bars are never the article, however long they are.
    /// </summary>
    private static void RemoveBoilerplate(IElement body, Measures measures)
    {
        var pageProse = Math.Max(1, measures.Prose(body));
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null || !IsBoilerplate(element))
            {
                continue; // inside something already removed, or not boilerplate
            }

            var holdsTheText = measures.Prose(element) >= pageProse * 0.5 && measures.LinkDensity(element) < 0.3
                && !StrongNegativeNames().IsMatch(Names(element));
            if (holdsTheText)
            {
                element.SetAttribute(KeptDespiteName, string.Empty); // its name no longer counts against it
            }
            else
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

    /// <summary>
    /// Whether an element sits in a block that is never the article (comments, related stories, a sidebar, share
    /// bars…), up to the block that holds the page's headline: the page's own wrappers are named for layout.
    /// </summary>
    public static bool IsInsideBoilerplate(IElement element)
    {
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            if (ancestor.LocalName is "html" or "body" or "main" || ancestor.QuerySelector("h1") is not null)
            {
                return false;
            }

            if (StrongNegativeNames().IsMatch(Names(ancestor)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoilerplate(IElement element) =>
        !ProtectedTags.Contains(element.LocalName)
        && Hint(element) < 0
        && !PositiveNames().IsMatch(Names(element))
        && element.QuerySelector("main, [itemprop~=articleBody], h1") is null
        && !element.QuerySelectorAll("article").Any(article => !NegativeNames().IsMatch(Names(article))); // comments are often <article>s too

    /// <summary>
    /// The class and id names that say what a block is. Two kinds of names say nothing and are left out: the
    /// structural names of page builders (Elementor's "elementor-widget-…", which would read as a sidebar
    /// widget; utility classes such as "overflow-hidden"), and ids made from the block's own heading
    /// ("sharing-with-a-single-developer"), which name a section's topic, not its role.
    /// </summary>
    private static string Names(IElement element)
    {
        var classes = element.ClassName is { Length: > 0 } className
            ? BuilderNoise().Replace(className.Replace("elementor-widget", "elementor-", StringComparison.OrdinalIgnoreCase), " ")
            : string.Empty;
        var id = element.Id is { Length: > 0 } value && !IsHeadingSlug(element, value) ? value : string.Empty;
        return $"{classes} {id}";
    }

    private static bool IsHeadingSlug(IElement element, string id)
    {
        if (id.Count(character => character is '-' or '_') < 2)
        {
            return false;
        }

        var heading = element.QuerySelector("h1, h2, h3, h4, h5, h6");
        var slug = PageEvaluation.Comparable(heading?.TextContent);
        var comparableId = PageEvaluation.Comparable(id);
        return slug.Length > 0 && comparableId.Length > 0 && (slug.StartsWith(comparableId, StringComparison.Ordinal) || comparableId.StartsWith(slug, StringComparison.Ordinal));
    }

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
        var negative = NegativeNames().IsMatch(names) && !element.HasAttribute(KeptDespiteName);
        return bonus + (positive ? 25 : 0) - (negative ? 25 : 0);
    }

    private static Dictionary<IElement, double> ScoreContainers(IElement body, Measures measures)
    {
        var scores = new Dictionary<IElement, double>();
        var listVotes = new Dictionary<IElement, double>();
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

            var vote = 1 + PageText.CountCommas(text) + Math.Min(Math.Floor(text.Length / 100.0), 3);
            vote *= InTeaser(element, measures) ? 0.3 : 1;

            // A list is one block of the page however many items it has: menus, teasers, gallery captions and
            // reference lists have dozens of short commaed entries that would outvote the prose beside them.
            // Item votes go to the list, which passes on at most MaxListVote; a page that is a list still wins
            // where nothing else is.
            var list = ListOf(element);
            if (list is not null)
            {
                listVotes[list] = listVotes.GetValueOrDefault(list) + vote;
                continue;
            }

            Distribute(scores, ParagraphTags.Contains(element.LocalName) ? element.ParentElement : element, vote);
        }

        foreach (var (list, total) in listVotes)
        {
            Distribute(scores, list, Math.Min(total, MaxListVote));
        }

        return scores;
    }

    /// <summary>A vote for the container and, halved at each step, the two blocks above it.</summary>
    private static void Distribute(Dictionary<IElement, double> scores, IElement? container, double vote)
    {
        var share = 1.0;
        for (var level = 0; container is not null && level < 3; level++, share /= 2, container = container.ParentElement)
        {
            scores[container] = scores.GetValueOrDefault(container) + (vote * share);
        }
    }

    /// <summary>The list (ul, ol) whose item holds the block: the item itself, or a block directly in it.</summary>
    private static IElement? ListOf(IElement element)
    {
        var item = element.LocalName is "li" ? element : element.ParentElement?.LocalName is "li" ? element.ParentElement : null;
        return item?.ParentElement is { LocalName: "ul" or "ol" } list ? list : null;
    }

    /// <summary>
    /// Whether the block sits in a teaser: a small block (under 600 characters) led by a heading that is a
    /// link to another page, the unit a portal's main column repeats dozens of times.
    /// </summary>
    private static bool InTeaser(IElement element, Measures measures)
    {
        var holder = element.ParentElement;
        for (var level = 0; holder is not null && level < 3; level++, holder = holder.ParentElement)
        {
            if (measures.TextLength(holder) >= 600)
            {
                return false;
            }

            foreach (var heading in holder.QuerySelectorAll("h2, h3, h4, h5"))
            {
                if (measures.TextLength(heading) > 10 && measures.LinkDensity(heading) > 0.7)
                {
                    return true;
                }
            }
        }

        return false;
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

            // A sibling continues the article only if it reads as prose: a column of linked teasers does not.
            var sameClass = sibling.ClassName is { Length: > 0 } name && string.Equals(name, best.Element.ClassName, StringComparison.Ordinal);
            var score = scores.TryGetValue(sibling, out var raw) ? Rate(sibling, raw, measures).Score + (sameClass ? best.Score * 0.2 : 0) : 0;
            if (score >= threshold && measures.LinkDensity(sibling) < 0.25)
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

    /// <summary>
    /// Adds blocks elsewhere in the article with the chosen block's tag and first class name: CMSs cut one
    /// story into many "article-text" blocks, each under its own wrapper (between them: pictures, ads,
    /// embeds), so they are cousins, not siblings. Only prose blocks with few links count, and only within a
    /// few levels of the chosen block, in reading order.
    /// </summary>
    private static List<IElement> WithSameClassCousins(Rated best, List<IElement> parts, Measures measures)
    {
        var element = best.Element;
        if (element.ClassList.Length == 0 || element.LocalName is "body" or "html")
        {
            return parts;
        }

        var firstClass = element.ClassList[0];
        var scope = element.ParentElement;
        for (var level = 0; scope?.ParentElement is not null && level < 4 && scope.LocalName is not "body"; level++)
        {
            scope = scope.ParentElement;
        }

        if (scope is null)
        {
            return parts;
        }

        var cousins = scope.QuerySelectorAll(element.LocalName)
            .Where(candidate => candidate.ClassList.Length > 0 && string.Equals(candidate.ClassList[0], firstClass, StringComparison.Ordinal))
            .Where(candidate => !parts.Any(part => part == candidate || part.Contains(candidate) || candidate.Contains(part)))
            .Where(candidate => measures.Prose(candidate) >= 150 && measures.LinkDensity(candidate) < 0.25)
            .ToList();
        if (cousins.Count == 0)
        {
            return parts;
        }

        // Outer cousins only: a cousin inside another cousin is read with it.
        var all = parts.Concat(cousins.Where(cousin => !cousins.Any(other => other != cousin && other.Contains(cousin)))).ToList();
        var order = new Dictionary<IElement, int>();
        var index = 0;
        foreach (var node in scope.QuerySelectorAll("*"))
        {
            order[node] = index++;
        }

        return all.OrderBy(part => order.GetValueOrDefault(part, -1)).ToList();
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

    [GeneratedRegex(@"comment|sidebar|side-bar|footer|masthead|share|sharing|social|related|promo|sponsor|advert|(^|[\s_-])ads?($|[\s_-])|banner|cookie|newsletter|subscribe|popup|modal|gallery|carousel|breadcrumb|pagination|pager|menu|navbar|widget|outbrain|taboola|recommend|disqus|(^|[\s_-])tags?($|[\s_-])|login|signup|hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeNames();

    // "elementor-widget-text-editor" is a block of the article, not a sidebar widget; "overflow-hidden" clips, it does not hide.
    // 14.05.2024, 14. 5. 2024, 2024-05-14, 09:30
    [GeneratedRegex(@"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"\b(overflow|overflow-x|overflow-y|text)-hidden\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BuilderNoise();

    [GeneratedRegex(@"comment|disqus|sidebar|side-bar|footer|share|sharing|social|related|recommend|outbrain|taboola|gallery|carousel|breadcrumb|pagination|menu|navbar|cookie|(^|[\s_-])ads?($|[\s_-])|(^|[\s_-])tags?($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongNegativeNames();

    private sealed record Densest(IElement Element, int Prose, string Description);

    private sealed record Rated(IElement Element, double Score, double TextScore, double LinkDensity, int Hint, int TextLength);

    /// <summary>Text lengths and link text per element, computed once: the DOM is large and asked often.</summary>
    private sealed class Measures
    {
        private readonly Dictionary<IElement, string> _inline = [];
        private readonly Dictionary<IElement, (int Text, int Links)> _lengths = [];
        private readonly Dictionary<IElement, int> _prose = [];

        public Measures(IElement root)
        {
            CountCharacters(root);
            foreach (var element in root.QuerySelectorAll("*").Prepend(root))
            {
                if (!BlockTags.Contains(element.LocalName))
                {
                    continue;
                }

                var text = InlineText(element);
                if (text.Length >= 25 && InlineLinkShare(element) < 0.3)
                {
                    for (var holder = element; holder is not null; holder = holder.ParentElement)
                    {
                        _prose[holder] = Prose(holder) + text.Length;
                    }
                }
            }
        }

        /// <summary>Characters of running text (blocks of 25+ characters, few links) inside the element.</summary>
        public int Prose(IElement element) => _prose.GetValueOrDefault(element);

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
        private void CountCharacters(IElement root)
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

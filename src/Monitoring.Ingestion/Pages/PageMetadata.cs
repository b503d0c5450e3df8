using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Monitoring.Ingestion.Pages;

/// <summary>
/// Title, byline, site, time and language of a page, each with the place it was read from. Title is as the publisher
/// declares it; Headline is that title without the site part, as the page shows it above the text.
/// </summary>
internal sealed record PageMetadata(
    string? Title,
    string? Byline,
    string? SiteName,
    DateTimeOffset? Published,
    string? Language,
    IReadOnlyDictionary<string, string> Sources,
    string? ArticleBody = null,
    string? Headline = null);

/// <summary>
/// Reads metadata in order of trust: JSON-LD (NewsArticle and kin), then Dublin Core (a bibliographic vocabulary
/// naming the work's own title and creator) / OpenGraph (written for share cards) / named meta tags, then the markup itself (&lt;html lang&gt;, &lt;time datetime&gt;, author links, &lt;title&gt;).
/// </summary>
internal static partial class PageMetadataReader
{
    private static readonly string[] TitleMetas = ["dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "sailthru.title"];

    private static readonly string[] BylineMetas = ["dc.creator", "dcterms.creator", "author", "parsely-author", "sailthru.author", "byl"];

    // Open Graph's article:author is specified as a profile (a URL; templates often fill it with a default name) and
    // twitter:creator as an account handle: both are weaker than a byline the reader sees.
    private static readonly string[] HandleMetas = ["article:author", "og:article:author", "twitter:creator"];

    private static readonly string[] PublishedMetas =
    [
        "article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "sailthru.date", "pubdate",
        "publish-date", "publish_date", "date", "og:published_time",
    ];

    private static readonly string[] LanguageMetas = ["content-language", "dc.language", "dcterms.language", "language", "og:locale"];

    private static readonly string[] BylineSelectors = ["[itemprop~=author] [itemprop~=name]", "[itemprop~=author]", "[rel~=author]", ".byline", "[class*=byline]", ".author", "[class*=author]", "[class*=autor]", "[class*=автор]"];

    public static PageMetadata Read(IHtmlDocument document)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var metas = ReadMetaTags(document);
        var linkedData = LinkedData.Read(document);
        var siteName = First(sources, "siteName",
            ("og:site_name", Meta(metas, "og:site_name")),
            ("json-ld publisher", linkedData?.Publisher),
            ("application-name", Meta(metas, "application-name")));
        var linkedHeadline = linkedData?.Headline;
        if (linkedData?.Name is { } name && document.Title is { } documentTitle && linkedHeadline is not null
            && PageText.Normalize(documentTitle).StartsWith(PageText.Normalize(name), StringComparison.OrdinalIgnoreCase)
            && TitleCleaner.HasSeparatorAround(PageText.Normalize(documentTitle), PageText.Normalize(name))
            && !documentTitle.Contains(linkedHeadline, StringComparison.OrdinalIgnoreCase))
        {
            linkedHeadline = name; // Wikipedia's "headline" is a one-line description; its "name" is the page's title.
        }

        var headings = document.QuerySelectorAll("h1, h2").Select(heading => PageText.Normalize(heading.TextContent))
            .Where(text => text.Length > 0).Take(20).ToList();
        var rawTitle = First(sources, "title",
            [("json-ld headline", linkedHeadline ?? linkedData?.Name), .. TitleMetas.Select(name => (name, Meta(metas, name))), ("<title>", document.Title), ("<h1>", headings.FirstOrDefault())]);
        // A title the publisher declares for the article (JSON-LD, Dublin Core, OpenGraph…) is kept as written, site
        // part included: the publisher chose it for this use. Only the <title> shown in browser tabs, which sites brand
        // by template, and an h1 standing in for it are cleaned.
        var declared = sources.GetValueOrDefault("title") is not ("<title>" or "<h1>");
        var headline = rawTitle is null ? null : TitleCleaner.Clean(rawTitle, siteName, headings);
        var title = declared ? rawTitle : headline;

        var byline = First(sources, "byline",
            [("json-ld author", CleanByline(linkedData?.Author)), .. BylineMetas.Select(name => (name, CleanByline(Meta(metas, name)))), ("author element", BylineFromMarkup(document)),
             .. HandleMetas.Select(name => (name, CleanByline(Meta(metas, name))))]);

        DateTimeOffset? published = null;
        foreach (var (where, value) in PublishedCandidates(linkedData, metas, document))
        {
            published = PageDates.Parse(value);
            if (published is not null)
            {
                sources["published"] = where;
                break;
            }
        }

        var language = First(sources, "language",
            [("json-ld inLanguage", LanguageCode(linkedData?.Language)), ("<html lang>", LanguageCode(document.DocumentElement?.GetAttribute("lang"))),
             ("<html xml:lang>", LanguageCode(document.DocumentElement?.GetAttribute("xml:lang"))), .. LanguageMetas.Select(name => (name, LanguageCode(Meta(metas, name))))]);

        return new PageMetadata(title, byline, siteName, published, language, sources, linkedData?.ArticleBody, headline);
    }

    /// <summary>"en-US", "en_GB", "EN" → "en"; anything that is not a language tag → null.</summary>
    internal static string? LanguageCode(string? tag)
    {
        var text = PageText.Normalize(tag).Split(',', ';')[0].Trim();
        var primary = text.Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static IEnumerable<(string Where, string? Value)> PublishedCandidates(LinkedData? linkedData, Dictionary<string, string> metas, IHtmlDocument document)
    {
        yield return ("json-ld datePublished", linkedData?.Published);
        foreach (var name in PublishedMetas)
        {
            yield return (name, Meta(metas, name));
        }

        foreach (var element in document.QuerySelectorAll("[itemprop~=datePublished]"))
        {
            yield return ("itemprop datePublished", element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent);
        }

        foreach (var time in document.QuerySelectorAll("time[datetime]").Take(3))
        {
            yield return ("<time datetime>", time.GetAttribute("datetime"));
        }

        yield return ("json-ld dateCreated", linkedData?.Created);
    }

    /// <summary>
    /// The first author element of the page that is not inside comments, teasers or a sidebar (their bylines name
    /// other articles' authors), read without the parts that travel with a name: job title, date, avatar, bio.
    /// </summary>
    private static string? BylineFromMarkup(IHtmlDocument document)
    {
        foreach (var selector in BylineSelectors)
        {
            foreach (var element in document.QuerySelectorAll(selector).Where(IsAuthorElement).Take(10))
            {
                if (MainContentFinder.IsInsideBoilerplate(element))
                {
                    continue;
                }

                var text = CleanByline(element.GetAttribute("content") ?? NameText(element));
                if (text is not null)
                {
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Broad selectors ("class contains author") also catch author boxes, bios and follow buttons: only a class
    /// whose author part is the element's role ("article__author", "post-author", "author-name") counts.
    /// </summary>
    private static bool IsAuthorElement(IElement element)
    {
        if (element.HasAttribute("itemprop") || element.HasAttribute("rel") || element.LocalName is "meta" or "script" or "style")
        {
            return element.LocalName is not ("script" or "style");
        }

        return element.ClassList.Any(name => AuthorClass().IsMatch(name) && !NotANamePart().IsMatch(name));
    }

    private static string NameText(IElement element)
    {
        if (element.QuerySelector("[itemprop~=name], [class*=author-name], [class*=autor-name]") is { } name && PageText.Normalize(name.TextContent).Length > 1)
        {
            return name.TextContent;
        }

        var copy = (IElement)element.Clone(deep: true);
        foreach (var part in copy.QuerySelectorAll("time, img, picture, svg, script, style, button").Concat(copy.QuerySelectorAll("[class]").Where(IsNotAName)).ToList())
        {
            part.Remove();
        }

        return string.Join(' ', copy.TextContent.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    private static bool IsNotAName(IElement element) => element.ClassList.Any(name => NotANamePart().IsMatch(name));

    [GeneratedRegex(@"^(?:[a-z0-9]+(?:[-_]{1,2}))*(?:author|autor|autori|avtor|автор|byline)(?:s|[-_]{1,2}(?:name|names|link|links|text|info|meta|wrap|wrapper|content))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorClass();

    [GeneratedRegex(@"(?:^|[-_])(?:title|role|job|position|bio|description|desc|date|time|avatar|image|img|photo|follow|social|share|email|twitter)(?:$|[-_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotANamePart();

    /// <summary>Drops a leading "By", "Autor:", "Piše:", "Nga:", "Автор:"…, separators left at either end, URLs and texts too long to be a name list.</summary>
    internal static string? CleanByline(string? value)
    {
        var text = PageText.Normalize(value);
        var prefix = BylinePrefix().Match(text);
        if (prefix.Success && prefix.Length < text.Length)
        {
            text = text[prefix.Length..].TrimStart();
        }

        text = text.Trim(' ', '-', '–', '—', '|', '·', '•', ',', ':', '/');
        var isUrl = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith('@');
        return text.Length is >= 2 and <= 100 && !isUrl ? text : null;
    }

    // "By" and the region's words for it: autor/autorka (sr, hr, bs), piše/пише, аутор/автор, nga (sq), од (mk), avtor (sl).
    [GeneratedRegex(@"^(?:by|autor|autorka|autori|piše|pise|пише|аутор|автор|avtor|nga|од|od)(?:\s*:\s*|\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    private static string? First(Dictionary<string, string> sources, string field, params (string Where, string? Value)[] candidates)
    {
        foreach (var (where, value) in candidates)
        {
            var text = PageText.Normalize(value);
            if (text.Length > 0)
            {
                sources[field] = where;
                return text;
            }
        }

        return null;
    }

    private static Dictionary<string, string> ReadMetaTags(IHtmlDocument document)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // RDFa's property names the vocabulary's term (dc:title, og:title); a name attribute is free text that
        // templates fill too, so when a page carries both spellings of one term, property wins.
        var tags = document.QuerySelectorAll("meta[content]");
        foreach (var meta in tags.Where(tag => tag.HasAttribute("property")).Concat(tags.Where(tag => !tag.HasAttribute("property"))))
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            // One tag may carry several names ("og:title twitter:title"), and "dc:title" means "dc.title".
            var keys = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
            foreach (var key in (keys ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                metas.TryAdd(key.Replace(':', '.').Replace("og.", "og:", StringComparison.Ordinal).Replace("article.", "article:", StringComparison.Ordinal)
                    .Replace("twitter.", "twitter:", StringComparison.Ordinal), content);
            }
        }

        return metas;
    }

    private static string? Meta(Dictionary<string, string> metas, string name) => metas.GetValueOrDefault(name);

    /// <summary>The fields of the first JSON-LD object that describes an article.</summary>
    private sealed record LinkedData(string? Headline, string? Name, string? Author, string? Published, string? Created, string? Language, string? Publisher, string? ArticleBody)
    {
        public static LinkedData? Read(IHtmlDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                var article = Parse(script.TextContent);
                if (article is not null)
                {
                    return article;
                }
            }

            return null;
        }

        private static LinkedData? Parse(string json)
        {
            // Pages written as XHTML wrap the JSON in <![CDATA[ ... ]]>, which a browser's JSON parser never sees.
            json = json.Trim();
            if (json.StartsWith("<![CDATA[", StringComparison.Ordinal) && json.EndsWith("]]>", StringComparison.Ordinal))
            {
                json = json[9..^3];
            }

            try
            {
                using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                var article = Objects(parsed.RootElement).FirstOrDefault(IsArticle);
                return article.ValueKind == JsonValueKind.Object
                    ? new LinkedData(
                        Text(article, "headline"),
                        Text(article, "name"),
                        Names(article, "author") ?? Names(article, "creator"),
                        Text(article, "datePublished"),
                        Text(article, "dateCreated"),
                        Text(article, "inLanguage"),
                        Names(article, "publisher"),
                        Text(article, "articleBody") ?? Text(article, "text"))
                    : null;
            }
            catch (JsonException)
            {
                return null; // Broken JSON-LD is common; the meta tags still speak.
            }
        }

        private static IEnumerable<JsonElement> Objects(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray().SelectMany(Objects))
                {
                    yield return item;
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                yield return element;
                if (element.TryGetProperty("@graph", out var graph))
                {
                    foreach (var item in Objects(graph))
                    {
                        yield return item;
                    }
                }
            }
        }

        private static bool IsArticle(JsonElement element)
        {
            if (!element.TryGetProperty("@type", out var type))
            {
                return false;
            }

            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(item => item.ToString()) : [type.ToString()];
            return types.Any(name => name.EndsWith("Article", StringComparison.Ordinal) || name.EndsWith("Posting", StringComparison.Ordinal) || name == "Report");
        }

        private static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Array => value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : null).FirstOrDefault(text => text is not null),
                JsonValueKind.Object => Text(value, "name") ?? Text(value, "@value"),
                _ => null,
            } : null;

        private static string? Names(JsonElement element, string property)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return null;
            }

            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            var names = items.Select(item => item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Object => Text(item, "name"),
                    _ => null,
                })
                .Select(PageText.Normalize)
                .Where(name => name.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return names.Count > 0 ? string.Join(", ", names) : null;
        }
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Monitoring.Core.Articles;

namespace Monitoring.Ingestion.Feeds;

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 0.90/1.0 (RDF) and Atom 0.3/1.0 from bytes, in whatever encoding they
/// declare or their bytes show (<see cref="FeedDocument"/>), gzipped or not. Safe on hostile input: a
/// DOCTYPE's internal entities expanded within limits, no external entity or DTD ever read, a size limit
/// before and after decompression. Items are read one at a time, so a document that breaks off still
/// yields the items before the break.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    // Some feeds declare Dublin Core without the final slash.
    private static readonly XNamespace DcWithoutSlash = "http://purl.org/dc/elements/1.1";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    // Namespaces whose plain elements (title, link, description) mean the RSS/Atom field.
    private static readonly HashSet<XNamespace> FeedNamespaces = [XNamespace.None, Atom, Atom03, Rss10, Rss090];

    /// <summary>Default for <c>maxBytes</c>: 10 MiB, after decompression.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <param name="feedUrl">Where the feed was fetched; relative links resolve against it.</param>
    /// <exception cref="FeedFormatException">Too large, not XML, or XML that is no feed; the message says which.</exception>
    public static ParsedFeed Parse(byte[] document, Uri? feedUrl = null, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = IsGzip(document) ? Gunzip(document, maxBytes) : document;
        if (bytes.LongLength > maxBytes)
        {
            throw new FeedFormatException($"The feed is {bytes.LongLength:N0} bytes, over the limit of {maxBytes:N0}.");
        }

        using var reader = FeedDocument.Open(bytes, maxBytes);
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"Not well-formed XML: {ex.Message}", ex);
        }

        var format = reader.LocalName switch
        {
            "rss" => "rss",
            "RDF" => "rdf",
            "feed" => "atom",
            _ => throw new FeedFormatException($"Not a feed: the document is <{reader.Name}>, not <rss>, <rdf:RDF> or <feed>."),
        };
        return new FeedWalker(format, feedUrl, reader.NamespaceURI).Walk(reader);
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[] Gunzip(byte[] bytes, long maxBytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        try
        {
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new FeedFormatException($"The feed is over the limit of {maxBytes:N0} bytes once decompressed.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FeedFormatException($"Broken gzip data: {ex.Message}", ex);
        }

        return output.ToArray();
    }

    // The document's own namespace counts as a feed namespace too: RSS 2.0 feeds written against
    // UserLand's namespace (xmlns="http://backend.userland.com/rss2") mean plain RSS by it.
    private sealed class FeedWalker(string format, Uri? feedUrl, XNamespace rootNamespace)
    {
        private readonly List<FeedItem> _items = [];
        private string? _title;
        private Uri? _link;
        private string? _description;
        private string? _language;

        // Atom puts feed fields directly under <feed>; RSS under <channel>.
        private int MetadataDepth => format == "atom" ? 1 : 2;

        public ParsedFeed Walk(XmlReader reader)
        {
            var bases = new Stack<(int Depth, Uri? Base)>();
            bases.Push((-1, feedUrl));
            _language = reader.XmlLang is { Length: > 0 } rootLanguage ? rootLanguage : null;
            string? error = null;
            try
            {
                while (!reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }

                    var depth = reader.Depth;
                    while (bases.Peek().Depth >= depth)
                    {
                        bases.Pop();
                    }

                    var outerBase = bases.Peek().Base;
                    var language = reader.XmlLang;
                    if (depth >= 1 && reader.LocalName is "item" or "entry")
                    {
                        var element = (XElement)XNode.ReadFrom(reader);
                        _items.Add(ReadItem(element, outerBase ?? _link, string.IsNullOrEmpty(language) ? _language : language));
                        continue;
                    }

                    if (depth == MetadataDepth && reader.LocalName is "title" or "link" or "description" or "subtitle" or "tagline" or "language")
                    {
                        ReadMetadata((XElement)XNode.ReadFrom(reader), outerBase);
                        continue;
                    }

                    bases.Push((depth, Resolve(reader.GetAttribute("base", XmlNs.NamespaceName), outerBase) ?? outerBase));
                    reader.Read();
                }
            }
            catch (XmlException ex)
            {
                if (_items.Count == 0 && _title is null)
                {
                    throw new FeedFormatException($"Not well-formed XML: {ex.Message}", ex);
                }

                error = $"The document breaks off at line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}: {ex.Message}";
            }

            return new ParsedFeed(format, _title, _link, _description, _language, _items, error);
        }

        private void ReadMetadata(XElement element, Uri? outerBase)
        {
            var elementBase = BaseOf(element, outerBase);
            var name = element.Name;
            if (!FeedNamespaces.Contains(name.Namespace) && name.Namespace != rootNamespace && !IsDublinCore(name.Namespace))
            {
                return;
            }

            switch (name.LocalName)
            {
                case "title" when _title is null:
                    _title = Text(element);
                    break;
                case "link" when _link is null:
                    _link = format == "atom" ? AtomLink([element], elementBase) : Resolve(element.Value, elementBase);
                    break;
                case "description" or "subtitle" or "tagline" when _description is null:
                    _description = Text(element);
                    break;
                case "language" when _language is null:
                    _language = Text(element);
                    break;
            }
        }

        private FeedItem ReadItem(XElement item, Uri? outerBase, string? language)
        {
            var itemBase = BaseOf(item, outerBase);
            var links = Children(item, "link").ToList();
            var link = links.FirstOrDefault(element => element.Attribute("href") is not null) is not null
                ? AtomLink(links, itemBase)
                : Resolve(links.FirstOrDefault()?.Value, itemBase);
            var guid = Children(item, "guid").FirstOrDefault();
            if (link is null && guid is not null && !string.Equals(guid.Attribute("isPermaLink")?.Value, "false", StringComparison.OrdinalIgnoreCase))
            {
                link = Resolve(guid.Value, itemBase);
            }

            var published = FirstText(item, "pubDate", "published", "issued", "updated", "modified")
                ?? Text(DublinCore(item, "date"));
            return new FeedItem
            {
                Title = Text(Children(item, "title").FirstOrDefault()) ?? Text(MediaElement(item, "title")),
                Link = link,
                Id = Text(guid) ?? FirstText(item, "id") ?? item.Attribute(Rdf + "about")?.Value,
                PublishedText = published,
                Published = PublicationDate.Parse(published),
                Author = Text(DublinCore(item, "creator")) ?? Author(item),
                Summary = ContentOf(Children(item, "description").FirstOrDefault() ?? Children(item, "summary").FirstOrDefault()),
                Content = Text(item.Element(Content + "encoded")) ?? ContentOf(Children(item, "content").FirstOrDefault()),
                MediaDescription = Text(MediaElement(item, "description")) ?? Text(item.Element(Itunes + "summary")),
                Categories = Categories(item),
                Media = MediaOf(item, itemBase),
                Language = Text(DublinCore(item, "language")) ?? language,
            };
        }

        private static bool IsDublinCore(XNamespace ns) => ns == Dc || ns == DcWithoutSlash;

        private static XElement? DublinCore(XElement parent, string localName) =>
            parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName && IsDublinCore(element.Name.Namespace));

        private IEnumerable<XElement> Children(XElement parent, string localName) =>
            parent.Elements().Where(element => element.Name.LocalName == localName && (FeedNamespaces.Contains(element.Name.Namespace) || element.Name.Namespace == rootNamespace));

        // Media RSS puts them on the item or in its media:group (YouTube's Atom feeds).
        private static XElement? MediaElement(XElement item, string localName) =>
            item.Element(Media + localName) ?? item.Elements(Media + "group").Select(group => group.Element(Media + localName)).FirstOrDefault(element => element is not null);

        private string? FirstText(XElement parent, params string[] localNames) =>
            localNames.Select(name => Text(Children(parent, name).FirstOrDefault())).FirstOrDefault(text => text is not null);

        private static string? Text(XElement? element)
        {
            var text = element?.Value.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        // Atom text constructs: type="xhtml" holds markup as elements; text and html hold it as text.
        private static string? ContentOf(XElement? element)
        {
            if (element is null)
            {
                return null;
            }

            var isXhtml = string.Equals(element.Attribute("type")?.Value, "xhtml", StringComparison.OrdinalIgnoreCase);

            // Some RSS feeds put unescaped markup in <description>: keep it as markup, not its bare text.
            if (isXhtml || element.HasElements)
            {
                var container = isXhtml ? element.Elements().FirstOrDefault(child => child.Name.LocalName == "div") ?? element : element;
                var markup = string.Concat(container.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting))).Trim();
                return markup.Length == 0 ? null : markup;
            }

            return Text(element);
        }

        private string? Author(XElement item)
        {
            var author = Children(item, "author").FirstOrDefault();
            if (author is null)
            {
                return null;
            }

            return Text(Children(author, "name").FirstOrDefault()) ?? Text(author);
        }

        private List<string> Categories(XElement item) =>
            item.Elements()
                .Where(element => (element.Name.LocalName == "category" && (FeedNamespaces.Contains(element.Name.Namespace) || element.Name.Namespace == rootNamespace)) || (element.Name.LocalName == "subject" && IsDublinCore(element.Name.Namespace)))
                .Select(element => element.Attribute("term")?.Value ?? element.Value)
                .Select(value => value.Trim())
                .Where(value => value.Length > 0)
                .ToList();

        private static List<Uri> MediaOf(XElement item, Uri? itemBase) =>
            item.Elements().Where(element => element.Name.LocalName == "enclosure")
                .Concat(item.Descendants().Where(element => element.Name.Namespace == Media && element.Name.LocalName is "content" or "thumbnail"))
                .Select(element => Resolve(element.Attribute("url")?.Value, itemBase))
                .OfType<Uri>()
                .Distinct()
                .ToList();

        // rel="alternate" (or no rel) is the page; text/html preferred when several.
        private static Uri? AtomLink(IEnumerable<XElement> links, Uri? elementBase)
        {
            var candidates = links
                .Where(link => link.Attribute("rel")?.Value is null or "alternate")
                .OrderBy(link => link.Attribute("type")?.Value is null or "text/html" ? 0 : 1)
                .ToList();
            var chosen = candidates.FirstOrDefault();
            return chosen is null ? null : Resolve(chosen.Attribute("href")?.Value ?? chosen.Value, BaseOf(chosen, elementBase));
        }

        private static Uri? BaseOf(XElement element, Uri? outerBase)
        {
            var chain = element.AncestorsAndSelf()
                .Select(ancestor => ancestor.Attribute(XmlNs + "base")?.Value)
                .OfType<string>()
                .Reverse();
            var resolved = outerBase;
            foreach (var value in chain)
            {
                resolved = Resolve(value, resolved) ?? resolved;
            }

            return resolved;
        }

        private static Uri? Resolve(string? text, Uri? relativeTo)
        {
            var trimmed = text?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                return null;
            }

            if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !absolute.IsFile)
            {
                return absolute;
            }

            return relativeTo is not null && Uri.TryCreate(relativeTo, trimmed, out var resolved) ? resolved : null;
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Monitoring.Ingestion.Feeds;

/// <summary>
/// The bytes of a feed made ready for <see cref="XmlReader"/>: the encoding found the way real feeds need it,
/// and the document type judged. XmlReader alone refuses two kinds of legal or common feeds: one that declares
/// <c>encoding="UTF-16"</c> but was saved as UTF-8 (what .NET's and Java's writers do when XML is written to a
/// string first), and one that defines entities in its DOCTYPE. The first is read by its bytes; the second
/// has its internal entities expanded, within limits, while external ones are never read.
/// </summary>
internal static partial class FeedDocument
{
    /// <summary>Longest text one internal entity may stand for; an entity bomb's entities stand for billions.</summary>
    public const int MaxEntityCharacters = 64 * 1024;

    /// <summary>Most characters all entity references of a document may add together.</summary>
    public const int MaxCharactersFromEntities = 1024 * 1024;

    static FeedDocument() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A reader over the document, with DTD processing chosen by what its DOCTYPE declares.</summary>
    /// <exception cref="FeedFormatException">The DOCTYPE declares an entity that expands beyond the limit.</exception>
    public static XmlReader Open(byte[] bytes, long maxCharacters)
    {
        var text = DecodeWhenNeeded(bytes);
        var dtdProcessing = ChooseDtdProcessing(InternalSubset(bytes, text));
        var settings = new XmlReaderSettings
        {
            // Ignore skips a DOCTYPE (its entities stay undeclared); Parse expands the internal ones only.
            DtdProcessing = dtdProcessing,
            XmlResolver = null, // never fetch an external DTD or entity
            MaxCharactersFromEntities = dtdProcessing == DtdProcessing.Parse ? MaxCharactersFromEntities : 1_024,
            MaxCharactersInDocument = maxCharacters,
            CheckCharacters = false, // control characters in text are common in real feeds and harmless
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        return text is null
            ? XmlReader.Create(new MemoryStream(WithoutLeadingWhitespace(bytes), writable: false), settings)
            : XmlReader.Create(new StringReader(text.TrimStart(' ', '\t', '\r', '\n')), settings);
    }

    /// <summary>
    /// The document as text where XmlReader would read its bytes wrongly, else null (XmlReader reads them as
    /// they declare). A byte order mark wins over the declaration; UTF-16 without one is known by its zero
    /// bytes; an ASCII-compatible document that declares UTF-16 is read as UTF-8; one that declares nothing and
    /// is not UTF-8 was written in a legacy single-byte encoding, which Windows-1252 (a superset of Latin-1) reads best.
    /// </summary>
    private static string? DecodeWhenNeeded(byte[] bytes)
    {
        switch (bytes)
        {
            case [0xEF, 0xBB, 0xBF, ..]:
                return Declared(bytes.AsSpan(3)) is { } declared && IsUtf16Name(declared) ? Utf8OrLegacy(bytes[3..]) : null;
            case [0xFF, 0xFE, 0x00, 0x00, ..]:
            case [0x00, 0x00, 0xFE, 0xFF, ..]:
                return null; // UTF-32, which XmlReader reads by its mark
            case [0xFF, 0xFE, ..]:
                return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            case [0xFE, 0xFF, ..]:
                return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
            case [not 0, 0, not 0, 0, ..]:
                return Encoding.Unicode.GetString(bytes);
            case [0, not 0, 0, not 0, ..]:
                return Encoding.BigEndianUnicode.GetString(bytes);
        }

        var declaredEncoding = Declared(WithoutLeadingWhitespace(bytes));
        if (declaredEncoding is null)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes) ? null : Encoding.GetEncoding(1252).GetString(bytes);
        }

        return IsUtf16Name(declaredEncoding) ? Utf8OrLegacy(bytes) : null;
    }

    private static string Utf8OrLegacy(byte[] bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.GetEncoding(1252).GetString(bytes);

    private static bool IsUtf16Name(string encoding) =>
        encoding.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase)
        || encoding.StartsWith("utf16", StringComparison.OrdinalIgnoreCase)
        || encoding.Equals("unicode", StringComparison.OrdinalIgnoreCase)
        || encoding.StartsWith("ucs-2", StringComparison.OrdinalIgnoreCase)
        || encoding.StartsWith("ucs2", StringComparison.OrdinalIgnoreCase);

    /// <summary>The encoding an ASCII-compatible document's XML declaration names, or null.</summary>
    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        if (!head.StartsWith("<?xml", StringComparison.Ordinal) || end < 0)
        {
            return null;
        }

        var match = EncodingDeclaration().Match(head[..end]);
        return match.Success ? match.Groups["name"].Value : null;
    }

    // A blank line before the XML declaration is a common server-side template slip; XML forbids it.
    private static byte[] WithoutLeadingWhitespace(byte[] bytes)
    {
        var start = 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start == 0 ? bytes : bytes[start..];
    }

    /// <summary>The declarations between the DOCTYPE's brackets, or null when it has none (or there is no DOCTYPE).</summary>
    private static string? InternalSubset(byte[] bytes, string? text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse, // only to be shown the DOCTYPE: nothing is expanded before the root
            XmlResolver = null,
            MaxCharactersFromEntities = 1_024,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = text is null
                ? XmlReader.Create(new MemoryStream(WithoutLeadingWhitespace(bytes), writable: false), settings)
                : XmlReader.Create(new StringReader(text.TrimStart(' ', '\t', '\r', '\n')), settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.DocumentType:
                        return string.IsNullOrWhiteSpace(reader.Value) ? null : reader.Value;
                    case XmlNodeType.Element:
                        return null;
                }
            }
        }
        catch (XmlException)
        {
            // A broken prolog: the main read reports it with the reader's own message.
        }

        return null;
    }

    /// <summary>
    /// Parse when the DOCTYPE declares entities of its own and none of them is external; Ignore otherwise, as
    /// before: a document declaring an external entity has every entity left undeclared, so it breaks where
    /// one is used and nothing outside it is ever read.
    /// </summary>
    private static DtdProcessing ChooseDtdProcessing(string? internalSubset)
    {
        if (internalSubset is null)
        {
            return DtdProcessing.Ignore;
        }

        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match declaration in EntityDeclaration().Matches(internalSubset))
        {
            if (declaration.Groups["external"].Success)
            {
                return DtdProcessing.Ignore;
            }

            var target = declaration.Groups["parameter"].Success ? parameters : entities;
            target.TryAdd(declaration.Groups["name"].Value, declaration.Groups["value"].Value);
        }

        if (entities.Count == 0)
        {
            return DtdProcessing.Ignore;
        }

        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        var largest = entities.Keys
            .Select(name => (Name: name, Length: ExpandedLength(name, entities, parameters, lengths, [])))
            .MaxBy(entity => entity.Length);
        if (largest.Length > MaxEntityCharacters)
        {
            var length = largest.Length >= long.MaxValue / 2 ? "endlessly" : string.Create(CultureInfo.InvariantCulture, $"to {largest.Length:N0} characters");
            throw new FeedFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The DOCTYPE declares entity '{largest.Name}', which expands {length}, over the limit of {MaxEntityCharacters:N0}: refused as an entity bomb."));
        }

        return DtdProcessing.Parse;
    }

    // Character references count one; references to other entities count what they expand to. A loop is endless.
    private static long ExpandedLength(string name, Dictionary<string, string> entities, Dictionary<string, string> parameters, Dictionary<string, long> known, HashSet<string> expanding)
    {
        if (known.TryGetValue(name, out var length))
        {
            return length;
        }

        if (!entities.TryGetValue(name, out var value) || !expanding.Add(name))
        {
            return expanding.Contains(name) ? long.MaxValue / 2 : name.Length + 2; // an undeclared one stays as written
        }

        long total = 0;
        var position = 0;
        foreach (Match reference in EntityReference().Matches(value))
        {
            total += reference.Index - position;
            position = reference.Index + reference.Length;
            var referenced = reference.Groups["name"].Value;
            total += reference.Value[0] == '%'
                ? parameters.TryGetValue(referenced, out var parameter) ? parameter.Length : reference.Length
                : referenced.StartsWith('#') ? 1 : ExpandedLength(referenced, entities, parameters, known, expanding);
            total = Math.Min(total, long.MaxValue / 2);
        }

        total += value.Length - position;
        expanding.Remove(name);
        known[name] = total;
        return total;
    }

    [GeneratedRegex("""encoding\s*=\s*["'](?<name>[A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingDeclaration();

    [GeneratedRegex("""<!ENTITY\s+(?<parameter>%\s+)?(?<name>[^\s%&;"'<>]+)\s+(?:(?<external>SYSTEM|PUBLIC)\b|"(?<value>[^"]*)"|'(?<value>[^']*)')""", RegexOptions.CultureInvariant)]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex("[&%](?<name>#?[^\\s%&;\"'<>]+);", RegexOptions.CultureInvariant)]
    private static partial Regex EntityReference();
}

namespace Monitoring.Ingestion.Pages;

/// <summary>
/// Estimates from the raw markup how deeply a page nests, before it is parsed: the HTML parser spends time
/// quadratic in the depth (100,000 unclosed &lt;b&gt; take it half a minute), so hostile nesting must be refused
/// unparsed. Tags the parser closes by itself (p, li, td…) and void tags (br, img…) are not counted.
/// </summary>
internal static class MarkupNesting
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "dt", "dd", "rp", "rt", "colgroup", "caption",
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "html", "head", "body", "frame", "keygen", "image", "isindex", "basefont", "bgsound",
    };

    /// <summary>The largest number of start tags of one name open at once, counting end tags as closing them.</summary>
    public static int Deepest(ReadOnlySpan<char> markup)
    {
        var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = open.GetAlternateLookup<ReadOnlySpan<char>>();
        var deepest = 0;
        for (var at = markup.IndexOf('<'); at >= 0 && at < markup.Length - 1; at = Next(markup, at + 1))
        {
            var closing = markup[at + 1] == '/';
            var start = at + (closing ? 2 : 1);
            var end = start;
            while (end < markup.Length && char.IsAsciiLetterOrDigit(markup[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(markup[start]))
            {
                continue;
            }

            var name = markup[start..end];
            if (NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                continue;
            }

            lookup.TryGetValue(name, out var count);
            count = closing ? Math.Max(0, count - 1) : count + 1;
            lookup[name] = count;
            deepest = Math.Max(deepest, count);
        }

        return deepest;
    }

    private static int Next(ReadOnlySpan<char> markup, int from)
    {
        var offset = markup[from..].IndexOf('<');
        return offset < 0 ? -1 : from + offset;
    }
}

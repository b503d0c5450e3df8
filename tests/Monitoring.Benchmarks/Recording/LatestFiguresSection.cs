using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Benchmarks;

/// <summary>
/// The generated section of docs/performance.md: one block per benchmark and size between HTML comment markers,
/// inside a section of its own. Writing a block touches only the text between that block's markers (or inserts a
/// new block); every other byte of the document, hand-written or another benchmark's, stays as it was. Markers that
/// do not pair up are an error naming the line, never something to guess around.
/// </summary>
internal static partial class LatestFiguresSection
{
    public const string Heading = "## Latest figures (written by the benchmarks)";
    public const string SectionBegin = "<!-- latest-figures:begin -->";
    public const string SectionEnd = "<!-- latest-figures:end -->";

    private const string Introduction =
        "Each benchmark replaces its own block below with the figures of its latest run (`--record no` turns that " +
        "off); the rest of this document is written by hand.";

    /// <summary>Returns <paramref name="document"/> with the block <paramref name="key"/> holding <paramref name="content"/>.</summary>
    /// <param name="document">The whole markdown document; empty for a new one.</param>
    /// <param name="key">The block's identity: lower-case words and numbers joined by hyphens, e.g. <c>4-search-100000</c>.</param>
    /// <param name="content">The block's markdown, without its markers.</param>
    /// <exception cref="InvalidDataException">The document's markers are malformed; the message says where.</exception>
    public static string Write(string document, string key, string content)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a block key: lower-case words and numbers joined by hyphens.", nameof(key));
        }

        var newline = document.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var markers = FindMarkers(document);
        if (markers.Count == 0)
        {
            // A heading left without its markers means they were deleted: a second section would hide that.
            if (Lines(document).FirstOrDefault(line => line.Text.TrimEnd() == Heading && !line.InCodeFence) is { } heading)
            {
                throw Malformed($"line {heading.Number} has the heading '{Heading}' but no '{SectionBegin}' and '{SectionEnd}' markers.");
            }

            document = CreateSection(document, newline);
            markers = FindMarkers(document);
        }

        var section = CheckSection(markers);
        var blocks = CheckBlocks(markers, section);
        var block = BlockBegin(key) + newline + Normalise(content, newline) + newline + BlockEnd(key);

        if (blocks.FirstOrDefault(found => found.Key == key) is { } existing)
        {
            return string.Concat(document.AsSpan(0, existing.Begin.Start), block, document.AsSpan(existing.End.LineEnd));
        }

        // Blocks stay in the order of their keys (benchmark number, then size), whatever order the runs came in.
        var next = blocks.FirstOrDefault(found => KeyOrder.Instance.Compare(found.Key, key) > 0);
        var at = next?.Begin.Start ?? section.End.Start;
        return document.Insert(at, block + newline + newline);
    }

    /// <summary>The begin marker of the block <paramref name="key"/>.</summary>
    public static string BlockBegin(string key) => $"<!-- figures:{key} -->";

    /// <summary>The end marker of the block <paramref name="key"/>.</summary>
    public static string BlockEnd(string key) => $"<!-- /figures:{key} -->";

    private static string Normalise(string content, string newline) =>
        string.Join(newline, content.TrimEnd('\r', '\n').Split('\n').Select(line => line.TrimEnd('\r')));

    /// <summary>
    /// A new section goes before the document's first second-level heading (after its introduction), or at its end
    /// when it has none.
    /// </summary>
    private static string CreateSection(string document, string newline)
    {
        var section = new StringBuilder()
            .Append(Heading).Append(newline).Append(newline)
            .Append(Introduction).Append(newline).Append(newline)
            .Append(SectionBegin).Append(newline)
            .Append(SectionEnd).Append(newline)
            .ToString();
        var firstHeading = Lines(document).FirstOrDefault(line => line.Text.StartsWith("## ", StringComparison.Ordinal) && !line.InCodeFence);
        if (firstHeading is not null)
        {
            return document.Insert(firstHeading.Start, section + newline);
        }

        var ending = document.Length == 0 || document.EndsWith(newline + newline, StringComparison.Ordinal) ? ""
            : document.EndsWith(newline, StringComparison.Ordinal) ? newline
            : newline + newline;
        return document + ending + section;
    }

    private static (Marker Begin, Marker End) CheckSection(List<Marker> markers)
    {
        var begins = markers.Where(marker => marker.Kind == MarkerKind.SectionBegin).ToList();
        var ends = markers.Where(marker => marker.Kind == MarkerKind.SectionEnd).ToList();
        if (begins.Count == 0)
        {
            var first = ends.Count > 0 ? ends[0] : markers[0];
            throw Malformed($"'{first.Text}' on line {first.LineNumber} is not inside a '{SectionBegin}' … '{SectionEnd}' section.");
        }

        if (begins.Count > 1)
        {
            throw Malformed($"'{SectionBegin}' appears {begins.Count} times (lines {string.Join(", ", begins.Select(marker => marker.LineNumber))}); there must be one.");
        }

        if (ends.Count == 0)
        {
            throw Malformed($"'{SectionBegin}' on line {begins[0].LineNumber} has no '{SectionEnd}' after it.");
        }

        if (ends.Count > 1)
        {
            throw Malformed($"'{SectionEnd}' appears {ends.Count} times (lines {string.Join(", ", ends.Select(marker => marker.LineNumber))}); there must be one.");
        }

        if (ends[0].LineNumber < begins[0].LineNumber)
        {
            throw Malformed($"'{SectionEnd}' on line {ends[0].LineNumber} comes before '{SectionBegin}' on line {begins[0].LineNumber}.");
        }

        return (begins[0], ends[0]);
    }

    private static List<Block> CheckBlocks(List<Marker> markers, (Marker Begin, Marker End) section)
    {
        var blocks = new List<Block>();
        Marker? open = null;
        foreach (var marker in markers.Where(marker => marker.Kind is MarkerKind.BlockBegin or MarkerKind.BlockEnd))
        {
            if (marker.LineNumber < section.Begin.LineNumber || marker.LineNumber > section.End.LineNumber)
            {
                throw Malformed($"'{marker.Text}' on line {marker.LineNumber} is outside the section between lines {section.Begin.LineNumber} and {section.End.LineNumber}.");
            }

            if (marker.Kind == MarkerKind.BlockBegin)
            {
                if (open is not null)
                {
                    throw Malformed($"the block '{open.Key}' opened on line {open.LineNumber} is not closed before '{marker.Text}' on line {marker.LineNumber}.");
                }

                if (blocks.Any(block => block.Key == marker.Key))
                {
                    throw Malformed($"the block '{marker.Key}' appears twice (lines {blocks.First(block => block.Key == marker.Key).Begin.LineNumber} and {marker.LineNumber}).");
                }

                open = marker;
            }
            else if (open is null || open.Key != marker.Key)
            {
                throw Malformed($"'{marker.Text}' on line {marker.LineNumber} closes " +
                    (open is null ? "no open block." : $"a block other than '{open.Key}', opened on line {open.LineNumber}."));
            }
            else
            {
                blocks.Add(new Block(open.Key, open, marker));
                open = null;
            }
        }

        return open is null ? blocks
            : throw Malformed($"the block '{open.Key}' opened on line {open.LineNumber} is not closed before '{SectionEnd}' on line {section.End.LineNumber}.");
    }

    private static InvalidDataException Malformed(string problem) =>
        new($"The latest-figures section is malformed: {problem} Fix the markers by hand; nothing was written.");

    private static List<Marker> FindMarkers(string document)
    {
        var markers = new List<Marker>();
        foreach (var line in Lines(document).Where(line => !line.InCodeFence))
        {
            var text = line.Text.Trim();
            if (!text.StartsWith("<!--", StringComparison.Ordinal) || !text.Contains("figures:", StringComparison.Ordinal))
            {
                continue;
            }

            var match = MarkerPattern().Match(text);
            var kind = !match.Success ? throw Malformed($"line {line.Number} looks like a marker but is not one: '{text}'.")
                : text == SectionBegin ? MarkerKind.SectionBegin
                : text == SectionEnd ? MarkerKind.SectionEnd
                : match.Groups["key"].Success && match.Groups["slash"].Success ? MarkerKind.BlockEnd
                : match.Groups["key"].Success ? MarkerKind.BlockBegin
                : throw Malformed($"line {line.Number} looks like a marker but is not one: '{text}'.");
            markers.Add(new Marker(kind, match.Groups["key"].Value, text, line.Number, line.Start, line.End));
        }

        return markers;
    }

    /// <summary>Each line with its 1-based number, where it starts, where its text ends (before the newline), and
    /// whether it lies in a fenced code block, where marker-like text is an example, not a marker.</summary>
    private static IEnumerable<Line> Lines(string document)
    {
        var start = 0;
        var number = 1;
        var inFence = false;
        while (start < document.Length)
        {
            var newline = document.IndexOf('\n', start);
            var next = newline < 0 ? document.Length : newline + 1;
            var end = newline < 0 ? document.Length : newline > start && document[newline - 1] == '\r' ? newline - 1 : newline;
            var text = document[start..end];
            var fence = text.TrimStart().StartsWith("```", StringComparison.Ordinal);
            yield return new Line(number, start, end, text, inFence || fence);
            inFence ^= fence;
            start = next;
            number++;
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^<!-- (?:latest-figures:(?:begin|end)|(?<slash>/)?figures:(?<key>[a-z0-9]+(?:-[a-z0-9]+)*)) -->$")]
    private static partial Regex MarkerPattern();

    private enum MarkerKind
    {
        SectionBegin,
        SectionEnd,
        BlockBegin,
        BlockEnd,
    }

    private sealed record Line(int Number, int Start, int End, string Text, bool InCodeFence);

    private sealed record Marker(MarkerKind Kind, string Key, string Text, int LineNumber, int Start, int LineEnd);

    private sealed record Block(string Key, Marker Begin, Marker End);

    /// <summary>Keys compared part by part between hyphens, numbers as numbers: 4-search-100000 before 4-search-1000000.</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").Split('-');
            var right = (y ?? "").Split('-');
            for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
            {
                var order = long.TryParse(left[i], out var a) && long.TryParse(right[i], out var b)
                    ? a.CompareTo(b)
                    : string.CompareOrdinal(left[i], right[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return left.Length.CompareTo(right.Length);
        }
    }
}

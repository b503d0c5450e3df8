using System.Text.RegularExpressions;

namespace Monitoring.Core.Articles;

/// <summary>
/// Turns the plain text of a saved news page into headline, body paragraphs and credit line.
/// Paragraphs are separated by blank lines; lines inside one paragraph are joined with a space.
/// </summary>
public static partial class PlainTextArticleParser
{
    // Site navigation that text extraction leaves above the headline.
    private static readonly string[] PageChromeLines =
    [
        "Accessibility links",
        "Breaking News",
        "Skip to main content",
        "Skip to content",
        "Skip to navigation",
        "Print",
        "Share",
    ];

    // Publisher self-descriptions that end a page; they describe the outlet, not the story.
    private static readonly string[] BoilerplatePrefixes =
    [
        "RFE/RL journalists report the news in",
    ];

    // Beyond this a paragraph is prose, not a credit line.
    internal const int MaxCreditLength = 160;

    /// <exception cref="FormatException">The text holds no headline.</exception>
    public static ParsedText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var paragraphs = SplitParagraphs(CutFooter(lines));
        var kept = DropCaptions(paragraphs)
            .Where(paragraph => !IsBoilerplate(paragraph))
            .SkipWhile(IsPageChrome)
            .ToList();

        if (kept.Count == 0)
        {
            throw new FormatException("The text holds no headline.");
        }

        var title = kept[0];
        var body = kept.Skip(1).ToList();
        string? credit = null;
        if (body.Count > 0 && IsCredit(body[^1]))
        {
            credit = body[^1];
            body.RemoveAt(body.Count - 1);
        }

        return new ParsedText(title, body, credit);
    }

    /// <summary>True for lines such as "With reporting by AP" or "Compiled by RFE/RL's Balkan Service".</summary>
    public static bool IsCredit(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return paragraph.Length <= MaxCreditLength && CreditPattern().IsMatch(paragraph);
    }

    // The first bullet line starts the list of related links and media; nothing after it is story.
    private static IEnumerable<string> CutFooter(IEnumerable<string> lines) =>
        lines.TakeWhile(line => !line.TrimStart().StartsWith('•'));

    private static List<List<string>> SplitParagraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(trimmed);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    // Pages print a photo caption twice (once for the image, once for its accessible text). A block whose
    // lines repeat themselves, or two identical blocks in a row, is such a caption: both copies go.
    private static IEnumerable<string> DropCaptions(List<List<string>> paragraphs)
    {
        var joined = paragraphs
            .Where(lines => !IsRepeatedWithin(lines))
            .Select(lines => string.Join(' ', lines))
            .ToList();

        for (var i = 0; i < joined.Count; i++)
        {
            var repeatsNext = i + 1 < joined.Count && SameText(joined[i], joined[i + 1]);
            var repeatsPrevious = i > 0 && SameText(joined[i], joined[i - 1]);
            if (!repeatsNext && !repeatsPrevious)
            {
                yield return joined[i];
            }
        }
    }

    private static bool IsRepeatedWithin(List<string> lines)
    {
        if (lines.Count < 2 || lines.Count % 2 != 0)
        {
            return false;
        }

        var half = lines.Count / 2;
        return SameText(string.Join(' ', lines.Take(half)), string.Join(' ', lines.Skip(half)));
    }

    private static bool SameText(string left, string right) =>
        string.Equals(Whitespace.Collapse(left), Whitespace.Collapse(right), StringComparison.Ordinal);

    private static bool IsPageChrome(string paragraph) =>
        PageChromeLines.Any(chrome => string.Equals(paragraph, chrome, StringComparison.OrdinalIgnoreCase));

    private static bool IsBoilerplate(string paragraph) =>
        BoilerplatePrefixes.Any(prefix => Whitespace.Collapse(paragraph).StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex(
        @"^(With (additional )?reporting by|Additional reporting by|Reporting by|Compiled by|Written by|Edited by)\s+\S",
        RegexOptions.CultureInvariant)]
    private static partial Regex CreditPattern();
}

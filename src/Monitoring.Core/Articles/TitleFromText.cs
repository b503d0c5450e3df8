using System.Buffers;

namespace Monitoring.Core.Articles;

/// <summary>
/// A title for an item that came without one (RSS 0.9x and 2.0 allow an item with a description and no
/// title): its first sentence, shortened at a word when it runs long.
/// </summary>
public static class TitleFromText
{
    /// <summary>Longest title made; a first sentence beyond it is cut at a word and ends with "…".</summary>
    public const int MaxLength = 160;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?…。؟");

    private static readonly SearchValues<char> ClosingMarks = SearchValues.Create("\"'”’»)]");

    /// <summary>The first sentence of <paramref name="text"/> (plain text, first paragraph first).</summary>
    public static string FirstSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraph = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        paragraph = Whitespace.Collapse(paragraph);
        var sentence = paragraph[..SentenceLength(paragraph)].Trim();
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return sentence[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ', '-', '–') + "…";
    }

    // Up to and with the first sentence end that is followed by a space, skipping the full stop of an
    // abbreviation or an initial ("Gen. Mladić", "U.S. troops", "J. Smith").
    private static int SentenceLength(string paragraph)
    {
        for (var i = paragraph.AsSpan().IndexOfAny(SentenceEnds); i >= 0; i = Next(paragraph, i + 1))
        {
            var end = i + 1;
            while (end < paragraph.Length && (ClosingMarks.Contains(paragraph[end]) || SentenceEnds.Contains(paragraph[end])))
            {
                end++;
            }

            if (end == paragraph.Length)
            {
                return end;
            }

            if (paragraph[end] == ' ' && !(paragraph[i] == '.' && IsAbbreviation(paragraph, i)))
            {
                return end;
            }
        }

        return paragraph.Length;
    }

    private static int Next(string paragraph, int from)
    {
        var found = paragraph.AsSpan(from).IndexOfAny(SentenceEnds);
        return found < 0 ? -1 : from + found;
    }

    private static bool IsAbbreviation(string text, int fullStop)
    {
        var start = text.LastIndexOf(' ', fullStop - 1) + 1;
        var word = text[start..fullStop];
        return word.Length == 0
            || word.Contains('.', StringComparison.Ordinal)
            || (word.Length == 1 && char.IsUpper(word[0]))
            || (word.Length <= 3 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower)); // Mr, Dr, Gen
    }
}

using System.Globalization;

namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// Splits text into words for the taggers: runs of letters and digits, hyphens split ("S-400" is
/// "S", "400"), an apostrophe inside a word stays ("O’Brien"), a possessive 's is dropped ("Serbia’s").
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        // About one word per six characters in news text: sized once rather than grown by doubling (profiled, docs/performance.md).
        var tokens = new List<Token>((text.Length / 6) + 1);
        AddTokens(text, tokens, offset: 0, inTitle: false, startsParagraph: false);
        return tokens;
    }

    /// <summary>
    /// At least as many as the words <see cref="AddTokens"/> finds in <paramref name="text"/>: the runs of letters and
    /// digits (an apostrophe or a combining mark inside a word only splits a run, never joins two words).
    /// </summary>
    public static int MostWords(string text)
    {
        var runs = 0;
        var inRun = false;
        foreach (var c in text)
        {
            var letterOrDigit = char.IsLetterOrDigit(c);
            runs += letterOrDigit && !inRun ? 1 : 0;
            inRun = letterOrDigit;
        }

        return runs;
    }

    /// <summary>
    /// Appends the words of <paramref name="text"/> to <paramref name="tokens"/>, each <see cref="Token.Start"/>
    /// moved by <paramref name="offset"/>; with <paramref name="startsParagraph"/> the first word starts a sentence
    /// after punctuation whatever came before. Straight into the article's list: a list per paragraph, copied
    /// token by token, was a visible part of enrichment's allocations (docs/performance.md).
    /// </summary>
    public static void AddTokens(string text, List<Token> tokens, int offset, bool inTitle, bool startsParagraph)
    {
        var first = tokens.Count;
        var sentenceStart = true;
        var punctuation = false;
        var i = 0;
        var gapStart = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n')
                {
                    sentenceStart = true;
                }

                if (!char.IsWhiteSpace(c) && c != '-')
                {
                    punctuation = true;
                }

                i++;
                continue;
            }

            // Most gaps are one space: one shared string instead of one per word.
            var gap = i - gapStart == 1 && text[gapStart] == ' ' ? " " : text[gapStart..i];
            var wordStart = i;
            var wordEnd = i;
            var possessive = false;
            while (i < text.Length)
            {
                if (char.IsLetterOrDigit(text[i]) || IsCombiningMark(text[i]))
                {
                    i++;
                    wordEnd = i;
                }
                else if (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    if (IsPossessive(text, i))
                    {
                        // Skip "'s"; what follows is a new phrase for matching purposes.
                        i += 2;
                        possessive = true;
                        break;
                    }

                    i++;
                    wordEnd = i;
                }
                else
                {
                    break;
                }
            }

            // The word is one run of the text (the possessive is past its end).
            var surface = text[wordStart..wordEnd];
            var key = TextFolding.Fold(surface.ToLowerInvariant());
            var opensParagraph = startsParagraph && tokens.Count == first;
            tokens.Add(new Token(surface, key, Stem(key), sentenceStart || opensParagraph, punctuation || opensParagraph, gap)
            {
                Start = wordStart + offset,
                InTitle = inTitle,
            });
            gapStart = i;
            sentenceStart = false;
            punctuation = possessive;
        }
    }

    /// <summary>
    /// A deliberately small English inflection stripper (plural -s, -es, -ies). Term lists add other forms
    /// (or a trailing *) where needed; it only has to make both sides of a comparison agree.
    /// </summary>
    public static string Stem(string key)
    {
        if (key.Length <= 3 || !char.IsLetter(key[^1]))
        {
            return key;
        }

        if (key.EndsWith("ies", StringComparison.Ordinal) && key.Length > 4)
        {
            return key[..^3] + "y";
        }

        if (key.EndsWith("sses", StringComparison.Ordinal) || key.EndsWith("shes", StringComparison.Ordinal) ||
            key.EndsWith("ches", StringComparison.Ordinal) || key.EndsWith("xes", StringComparison.Ordinal))
        {
            return key[..^2];
        }

        if (key[^1] == 's' && !key.EndsWith("ss", StringComparison.Ordinal) &&
            !key.EndsWith("us", StringComparison.Ordinal) && !key.EndsWith("is", StringComparison.Ordinal))
        {
            return key[..^1];
        }

        return key;
    }

    // Decomposed accents (e + U+0301) belong to their letter.
    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsPossessive(string text, int apostrophe) =>
        apostrophe + 1 < text.Length && text[apostrophe + 1] is 's' or 'S' &&
        (apostrophe + 2 == text.Length || !char.IsLetterOrDigit(text[apostrophe + 2]));
}

namespace Monitoring.Core.Enrichment.Text;

/// <param name="Text">The word as written (possessive 's removed).</param>
/// <param name="Key">Lowercased and folded (<see cref="TextFolding"/>: Cyrillic to Latin, no diacritics), for look-ups.</param>
/// <param name="Stem">A light English stem of <paramref name="Key"/>, so "tanks" matches "tank".</param>
/// <param name="StartsSentence">First word of a paragraph or after ., ! or ?.</param>
/// <param name="AfterPunctuation">Something other than spaces or a hyphen separates it from the previous word.</param>
/// <param name="Gap">The characters between the previous word and this one, to quote phrases as written.</param>
internal readonly record struct Token(string Text, string Key, string Stem, bool StartsSentence, bool AfterPunctuation, string Gap)
{
    /// <summary>The words <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/> as written, e.g. "Bosnia-Herzegovina".</summary>
    public static string Quote(IReadOnlyList<Token> tokens, int start, int count)
    {
        var text = new System.Text.StringBuilder(tokens[start].Text);
        for (var k = start + 1; k < start + count; k++)
        {
            text.Append(tokens[k].Gap).Append(tokens[k].Text);
        }

        return text.ToString();
    }

    /// <summary>Starts with a capital and is not all capitals: "Shoigu", not "NATO" or "S".</summary>
    public bool IsCapitalised => Text.Length > 1 && char.IsUpper(Text[0]) && HasLowerAfterFirst(Text);

    public bool StartsUpper => char.IsUpper(Text[0]);

    /// <summary>Offset of the word in the text it was read from (the title, or the body as <c>Article.Body</c> joins it).</summary>
    public int Start { get; init; }

    /// <summary>Whether the word belongs to the title rather than the body.</summary>
    public bool InTitle { get; init; }

    // Asked of nearly every word by several taggers: a loop, not an enumerator allocated per call.
    private static bool HasLowerAfterFirst(string text)
    {
        for (var k = 1; k < text.Length; k++)
        {
            if (char.IsLower(text[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the words <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/> are, for evidence.</summary>
    public static TextSpan Span(IReadOnlyList<Token> tokens, int start, int count)
    {
        var last = tokens[start + count - 1];
        return new TextSpan(tokens[start].InTitle ? TextSpan.TitleField : TextSpan.BodyField, tokens[start].Start, last.Start + last.Text.Length - tokens[start].Start);
    }
}

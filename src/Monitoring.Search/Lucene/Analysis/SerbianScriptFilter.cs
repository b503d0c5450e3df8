using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Monitoring.Search.Lucene.Analysis;

/// <summary>
/// Writes Serbian Cyrillic in Latin letters without diacritics (Србија → srbija, Ђурић → djuric) and
/// spells Latin đ as dj, the way Serbian is typed on keyboards without it (Đurić → djuric). Expects
/// lower-case input; the remaining Latin diacritics (č, ć, š, ž) are left to ASCII folding.
/// </summary>
internal sealed class SerbianScriptFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public SerbianScriptFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (NeedsMapping(_term.Buffer, _term.Length))
        {
            var mapped = SerbianScript.ToLatin(new string(_term.Buffer, 0, _term.Length));
            _term.SetEmpty().Append(mapped);
        }

        return true;
    }

    private static bool NeedsMapping(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (SerbianScript.IsMapped(buffer[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The letter mapping of <see cref="SerbianScriptFilter"/>, also used for prefix queries.</summary>
internal static class SerbianScript
{
    // Serbian Cyrillic (Vuk's alphabet) letter by letter; ђ/đ become "dj" so both spellings meet.
    private const string Cyrillic = "абвгдђежзијклљмнњопрстћуфхцчџшđ";

    private static readonly string[] Latin =
    [
        "a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s",
        "t", "c", "u", "f", "h", "c", "c", "dz", "s", "dj",
    ];

    private static readonly Dictionary<char, string> Letters =
        Cyrillic.Zip(Latin).ToDictionary(pair => pair.First, pair => pair.Second);

    public static bool IsMapped(char letter) => Letters.ContainsKey(letter);

    /// <summary>Maps lower-case Serbian Cyrillic letters and đ; every other character stays.</summary>
    public static string ToLatin(string lowerCase)
    {
        var builder = new System.Text.StringBuilder(lowerCase.Length + 4);
        foreach (var letter in lowerCase)
        {
            if (Letters.TryGetValue(letter, out var latin))
            {
                builder.Append(latin);
            }
            else
            {
                builder.Append(letter);
            }
        }

        return builder.ToString();
    }
}

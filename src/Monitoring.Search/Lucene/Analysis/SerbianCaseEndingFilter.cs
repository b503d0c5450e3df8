using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Monitoring.Search.Lucene.Analysis;

/// <summary>
/// A light stemmer for Serbian noun case endings, run after the English (Porter) stemmer on folded
/// Latin text: Kosovo, Kosova, Kosovu, Kosovom all become "kosov"; Srbija, Srbije, Srbiji, Srbijom
/// become "srbij"; Beogradu becomes "beograd". It only removes an ending when at least
/// <see cref="MinimumStem"/> letters stay, so short English words (plane, state, data, veto) are left
/// alone; running after Porter keeps every conflation Porter makes (date/dated) intact.
/// </summary>
internal sealed class SerbianCaseEndingFilter : TokenFilter
{
    /// <summary>Letters that must remain; five keeps "kosov", "srbij", "vucic" and spares short English words.</summary>
    public const int MinimumStem = 5;

    // Longest first: the first ending that fits is removed.
    private static readonly string[] Endings = ["ima", "ama", "om", "em", "og", "oj", "ih", "a", "e", "i", "o", "u"];

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public SerbianCaseEndingFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            _term.Length = StemLength(_term.Buffer, _term.Length);
        }

        return true;
    }

    /// <summary>The length of the term without its case ending (the whole length when none applies).</summary>
    public static int StemLength(ReadOnlySpan<char> term, int length)
    {
        var word = term[..length];
        if (ContainsDigit(word))
        {
            return length;
        }

        foreach (var ending in Endings)
        {
            if (length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return length - ending.Length;
            }
        }

        return length;
    }

    private static bool ContainsDigit(ReadOnlySpan<char> word)
    {
        foreach (var character in word)
        {
            if (char.IsAsciiDigit(character))
            {
                return true;
            }
        }

        return false;
    }
}

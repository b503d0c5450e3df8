using Monitoring.Core.Articles;

namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// An article as the taggers read it: the title's words, then the body's, with where the lead (the first
/// paragraph, at most <see cref="MaxLeadWords"/> words) ends. Built once per article; every tagger reads the
/// same tokens, so enrichment is one tokenisation and one pass per tagger.
/// </summary>
internal sealed class ArticleText
{
    /// <summary>A first paragraph longer than this is not all lead.</summary>
    public const int MaxLeadWords = 60;

    private readonly List<Token> _tokens;

    private ArticleText(List<Token> tokens, int titleCount, int leadEnd)
    {
        _tokens = tokens;
        Tokens = tokens;
        TitleCount = titleCount;
        LeadEnd = leadEnd;
    }

    /// <summary>Title words first, then body words; the first body word starts a sentence.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    public int TitleCount { get; }

    /// <summary>Index one past the last word of the lead.</summary>
    public int LeadEnd { get; }

    // Views over the one list, not copies: the taggers ask for them per article (copying every token was a
    // visible part of enrichment's allocations, docs/performance.md).
    public IReadOnlyList<Token> Title => new TokenRange(_tokens, 0, TitleCount);

    public IReadOnlyList<Token> Body => new TokenRange(_tokens, TitleCount, _tokens.Count - TitleCount);

    public static ArticleText Read(Article article)
    {
        // Sized once for the whole text rather than grown by doubling: a token is about fifty bytes, so a list grown
        // through a long article allocated twice its final size (a guess from the length fell short on figures and
        // abbreviations, docs/performance.md). The runs of letters and digits are at least as many as the words.
        var words = Tokenizer.MostWords(article.Title);
        foreach (var paragraph in article.Paragraphs)
        {
            words += Tokenizer.MostWords(paragraph);
        }

        var tokens = new List<Token>(words);
        Tokenizer.AddTokens(article.Title, tokens, offset: 0, inTitle: true, startsParagraph: false);
        var titleCount = tokens.Count;
        var leadEnd = titleCount;
        var offset = 0;
        for (var p = 0; p < article.Paragraphs.Count; p++)
        {
            // A paragraph starts a new sentence whatever the previous one ended with.
            Tokenizer.AddTokens(article.Paragraphs[p], tokens, offset, inTitle: false, startsParagraph: true);
            if (p == 0 || leadEnd == titleCount)
            {
                leadEnd = Math.Min(tokens.Count, titleCount + MaxLeadWords);
            }

            offset += article.Paragraphs[p].Length + 2;
        }

        return new ArticleText(tokens, titleCount, leadEnd);
    }
}

/// <summary>A read-only window on a list of tokens, indexed from zero.</summary>
internal sealed class TokenRange(List<Token> tokens, int start, int count) : IReadOnlyList<Token>
{
    public int Count => count;

    public Token this[int index] =>
        (uint)index < (uint)count ? tokens[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Token> GetEnumerator()
    {
        for (var k = 0; k < count; k++)
        {
            yield return tokens[start + k];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

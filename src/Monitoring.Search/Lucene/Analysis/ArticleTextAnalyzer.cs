using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene.Analysis;

/// <summary>
/// The analysis of title, body and person names, for English and Serbian alike:
/// standard tokenizer → English possessive → lower case → Serbian Cyrillic to Latin (đ → dj) → ASCII
/// folding (č, ć, š, ž, ë …) → English stop words → Porter stemming → Serbian case endings.
/// So Србија, Srbija, SRBIJA and srbiji meet, Priština meets Pristina, and protesters meets protest.
/// </summary>
internal sealed class ArticleTextAnalyzer(LuceneVersion version) : Analyzer
{
    /// <summary>
    /// Positions left between two values of one field (the person names of an article), so that a phrase
    /// such as <c>person:"Vučić Albin"</c> never runs from one name into the next. Elasticsearch's default.
    /// </summary>
    public const int ValueGap = 100;

    /// <summary>
    /// A prefix typed before * in the forms the index may hold: folded but unstemmed ("kosovo"), and also
    /// stemmed ("kosov"), because whole words are indexed stemmed.
    /// </summary>
    public static IReadOnlyList<string> PrefixForms(string prefix)
    {
        var folded = Fold(prefix);
        if (folded.Length == 0)
        {
            return [];
        }

        var stemmed = Stem(folded);
        return stemmed.Length > 0 && stemmed != folded ? [folded, stemmed] : [folded];
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(version, reader);
        TokenStream stream = new EnglishPossessiveFilter(version, tokenizer);
        stream = new LowerCaseFilter(version, stream);
        stream = new SerbianScriptFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        stream = new SerbianCaseEndingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>Lower case, Latin script, no diacritics; no stemming and no splitting into words.</summary>
    public static string Fold(string text)
    {
        using var tokenizer = new KeywordTokenizer(new StringReader(text));
        using var stream = new ASCIIFoldingFilter(new SerbianScriptFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer)));
        return Single(stream);
    }

    private static string Stem(string folded)
    {
        using var tokenizer = new KeywordTokenizer(new StringReader(folded));
        using var stream = new SerbianCaseEndingFilter(new PorterStemFilter(tokenizer));
        return Single(stream);
    }

    private static string Single(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var value = stream.IncrementToken() ? term.ToString() : string.Empty;
        stream.End();
        return value;
    }
}

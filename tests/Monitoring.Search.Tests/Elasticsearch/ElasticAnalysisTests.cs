using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Analysis;

namespace Monitoring.Search.Tests.Elasticsearch;

/// <summary>
/// The index's analysis chain, rebuilt from the Lucene filters that Elasticsearch's built-in names stand
/// for (standard, stemmer/possessive_english, lowercase, asciifolding, stop _english_, porter_stem, and
/// the case endings as a pattern_replace regular expression), must yield the Lucene engine's terms: the
/// parsed query is sent to Elasticsearch as terms, so both engines agree only if they index the same
/// terms. Checked offline on the demo corpus and the RTS headlines (Cyrillic and Latin).
/// Lucene.Net 4.8 has no SerbianNormalizationFilter (Lucene added it later), so serbian_normalization is
/// stood in for by the engine's own SerbianScriptFilter: their letter tables (Cyrillic → Latin, ђ/đ → dj,
/// џ → dz, č ć ž š folded) were compared by hand with Lucene's source; the live suite checks it for real.
/// </summary>
public sealed class ElasticAnalysisTests
{
    [Fact]
    public void ElasticsearchChain_GivesTheLuceneEnginesTerms_OnTheDemoCorpus()
    {
        var texts = DemoCorpus.Articles.SelectMany(article => new[] { article.Article.Title, article.Article.Body }).ToList();

        AssertSameTerms(texts);
    }

    [Fact]
    public void ElasticsearchChain_GivesTheLuceneEnginesTerms_OnSerbianHeadlinesInBothScripts()
    {
        BalkanHeadlines.SkipUnlessPresent();
        var texts = BalkanHeadlines.Read("rts.csv").Values.Concat(BalkanHeadlines.Read("rts_latin.csv").Values).ToList();

        AssertSameTerms(texts);
    }

    [Theory]
    [InlineData("Ђурић у Приштини", "djuric u pristin")]
    [InlineData("Đurić u Prištini", "djuric u pristin")]
    [InlineData("Kosova Kosovu Kosovom", "kosov kosov kosov")]
    [InlineData("the state of emergency", "+2:state +2:emerg")]
    public void ElasticsearchChain_FoldsScriptsAndCaseEndings(string text, string terms)
    {
        // +2: a removed stop word before the term. Serbian "u" (in) is no English stop word, so it stays.
        using var analyzer = new ElasticsearchChain();

        Assert.Equal(terms.Split(' '), Terms(analyzer, text));
    }

    private static void AssertSameTerms(IReadOnlyList<string> texts)
    {
        Assert.NotEmpty(texts);
        using var lucene = ArticleAnalyzers.Create();
        using var elastic = new ElasticsearchChain();
        foreach (var text in texts)
        {
            Assert.Equal(Terms(lucene, text, ArticleFields.Body), Terms(elastic, text));
        }
    }

    private static List<string> Terms(Analyzer analyzer, string text, string field = "body")
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // Positions matter to phrases: a gap left by a stop word must be the same in both.
            terms.Add(increment.PositionIncrement == 1 ? term.ToString() : $"+{increment.PositionIncrement}:{term}");
        }

        stream.End();
        return terms.Select(value => value.StartsWith("+1:", StringComparison.Ordinal) ? value[3..] : value).ToList();
    }

    /// <summary>The custom analyser "article_text" of <see cref="ArticleIndexDefinition"/>, filter for filter.</summary>
    private sealed class ElasticsearchChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer);
            stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
            stream = new SerbianScriptFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(LuceneVersion.LUCENE_48, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new PorterStemFilter(stream);
            stream = new PatternReplaceFilter(stream, new Regex(ArticleIndexDefinition.CaseEndingPattern, RegexOptions.CultureInvariant), "$1", all: false);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}

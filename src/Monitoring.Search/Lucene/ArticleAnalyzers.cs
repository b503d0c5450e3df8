using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;
using Monitoring.Search.Lucene.Analysis;

namespace Monitoring.Search.Lucene;

/// <summary>One analyser for writing, parsing and highlighting, so that all three see the same terms.</summary>
internal static class ArticleAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// <see cref="ArticleTextAnalyzer"/> for title, body and person names; keyword fields untouched, so a
    /// typed <c>country:XK</c> is not lower-cased by the query parser.
    /// </summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new ArticleTextAnalyzer(Version),
        ArticleFields.Keywords.ToDictionary(field => field, Analyzer (_) => new KeywordAnalyzer()));
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace Monitoring.Search.Lucene;

/// <summary>One analyser for writing, parsing and highlighting, so that all three see the same terms.</summary>
internal static class ArticleAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// English stemming for title and body; keyword fields untouched, so a typed <c>country:XK</c> is not
    /// lower-cased by the query parser.
    /// </summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(Version),
        ArticleFields.Keywords.ToDictionary(field => field, Analyzer (_) => new KeywordAnalyzer()));
}

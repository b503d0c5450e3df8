using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Monitoring.Core.Articles;

namespace Monitoring.Search.Lucene;

/// <summary>
/// More-like-this from an article's own text: its most distinctive terms (frequent in it, rare in the
/// index) in title and body, each side weighed by Lucene's <see cref="MoreLikeThis"/>.
/// </summary>
internal static class SimilarArticles
{
    public static Query Query(IndexReader reader, Analyzer analyzer, Article article)
    {
        var moreLikeThis = new MoreLikeThis(reader)
        {
            Analyzer = analyzer,
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 25,
            FieldNames = [ArticleFields.Title, ArticleFields.Body],
        };

        using var title = new StringReader(article.Title);
        using var body = new StringReader(article.Body);
        return new BooleanQuery
        {
            { moreLikeThis.Like(title, ArticleFields.Title), Occur.SHOULD },
            { moreLikeThis.Like(body, ArticleFields.Body), Occur.SHOULD },
        };
    }
}

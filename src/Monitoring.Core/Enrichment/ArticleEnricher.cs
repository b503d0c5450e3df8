using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment;

/// <summary>
/// Tags an article with countries, topics, people and a tension score. Holds no mutable state, so one
/// instance can serve many threads.
/// </summary>
public sealed class ArticleEnricher
{
    private readonly EnrichmentModel _model;

    public ArticleEnricher(EnrichmentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>
    /// Countries, topics and tension are read from title and body; the credit line is left out because it
    /// names agencies, not the story.
    /// </summary>
    public EnrichedArticle Enrich(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var title = Tokenizer.Tokenize(article.Title);
        var body = Tokenizer.Tokenize(article.Body);
        var all = new List<Token>(title.Count + body.Count);
        all.AddRange(title);

        // The body starts a new sentence whatever the title ends with.
        all.AddRange(body.Select((token, index) => index == 0 ? token with { StartsSentence = true, AfterPunctuation = true, Gap = "\n\n" } : token));

        var tags = new ArticleTags
        {
            Countries = _model.Countries.Tag(all, article.Language),
            Topics = _model.TopicTagger.Tag(all),
            People = _model.People.Tag(title, body),
            Tension = _model.TensionScorer.Score(all),
        };
        return new EnrichedArticle(article, tags);
    }
}

using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment;

/// <summary>
/// Tags an article with its language (when unknown), countries, topics, people, organisations and a tension
/// score. Holds no mutable state, so one instance can serve many threads.
/// </summary>
public sealed class ArticleEnricher
{
    private readonly EnrichmentModel _model;
    private readonly EnrichmentOptions _options;

    /// <param name="options">How to tag; null takes the defaults of <see cref="EnrichmentOptions"/>.</param>
    public ArticleEnricher(EnrichmentModel model, EnrichmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _options = options ?? new EnrichmentOptions();
    }

    /// <summary>
    /// Each of <paramref name="articles"/> enriched, or the exception that stopped it, in their order. Enrichment
    /// is pure CPU work, independent per article, so a batch is spread over the cores (at most
    /// <paramref name="maxDegreeOfParallelism"/> threads; -1, every core); one article that breaks a tagger does not
    /// stop the others.
    /// </summary>
    public IReadOnlyList<(EnrichedArticle? Article, Exception? Failure)> EnrichEach(IReadOnlyList<Article> articles, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var results = new (EnrichedArticle?, Exception?)[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            try
            {
                results[i] = (Enrich(articles[i]), null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[i] = (null, ex);
            }
        });
        return results;
    }

    /// <summary>
    /// Tags are read from title and body; the credit line is left out because it names agencies, not the
    /// story. An article whose <see cref="Article.Language"/> is empty or "und" comes back with the detected
    /// language set; the detection is in <see cref="ArticleTags.DetectedLanguage"/> either way. An article that
    /// names no country gets its outlet's country, marked inferred, unless <see cref="EnrichmentOptions.SourceCountryPrior"/> is off.
    /// </summary>
    public EnrichedArticle Enrich(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var detected = _model.LanguageDetector.Detect(article.Title + "\n" + article.Body);
        if (string.IsNullOrWhiteSpace(article.Language) || article.Language == LanguageGuess.Undetermined)
        {
            article = article with { Language = detected.Language };
        }

        var text = ArticleText.Read(article);
        var actors = _model.Actors.Find(text.Tokens, article.Language);
        var (people, organisations) = _model.Actors.Tag(text, actors);
        var countries = _model.Countries.Tag(text, article.Language, actors);
        if (_options.SourceCountryPrior)
        {
            countries = SourceCountryPrior.Apply(
                article,
                countries,
                people.Select(person => person.CountryCode).Concat(organisations.Select(organisation => organisation.CountryCode)),
                _model.CountryNames);
        }

        // Topic and tension terms of a declined language are stems with that language's endings: the text's stems
        // are computed once for both. English (no family) is compared by its light stem as before.
        var family = _model.TermFamily(article.Language);
        var stems = family is null ? null : PhraseMatcher.Stems(text.Tokens, family);
        var tags = new ArticleTags
        {
            Countries = countries,
            Topics = _model.TopicTagger.Tag(text.Tokens, family, stems),
            People = people,
            Organisations = organisations,
            Tension = _model.TensionScorer.Score(text.Tokens, article.Language, family, stems),
            DetectedLanguage = detected,
        };
        return new EnrichedArticle(article, tags);
    }
}

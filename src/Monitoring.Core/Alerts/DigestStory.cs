using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Alerts;

/// <summary>
/// One story in a digest: the article that leads it and every other matched article of the same story
/// cluster (other outlets' copies), so a wire story carried by ten outlets is one entry, not ten.
/// </summary>
public sealed record DigestStory(EnrichedArticle Lead, IReadOnlyList<EnrichedArticle> Others)
{
    /// <summary>The outlets carrying the story, the lead's first, each once.</summary>
    public IReadOnlyList<string> Outlets =>
        [.. new[] { Lead }.Concat(Others).Select(article => article.Article.Source).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Groups matched articles by story (<c>Article.StoryId</c>, or the article itself when it starts no
    /// known story) and orders the stories. The lead of a story is its most tense article (by tension) or
    /// its latest (by recency); ties go to the earlier article, then the id, so a digest is reproducible.
    /// </summary>
    public static IReadOnlyList<DigestStory> Assemble(IEnumerable<EnrichedArticle> articles, DigestOrder order)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var stories = articles
            .DistinctBy(article => article.Id)
            .GroupBy(article => (article.Article.StoryId ?? article.Id).Value, StringComparer.Ordinal)
            .Select(story =>
            {
                var ranked = Rank(story, order).ToList();
                return new DigestStory(ranked[0], ranked[1..]);
            })
            .ToDictionary(story => story.Lead.Id);
        return [.. Rank(stories.Values.Select(story => story.Lead), order).Select(lead => stories[lead.Id])];
    }

    private static IOrderedEnumerable<EnrichedArticle> Rank(IEnumerable<EnrichedArticle> articles, DigestOrder order)
    {
        var ranked = order == DigestOrder.Tension
            ? articles.OrderByDescending(article => article.Tags.Tension.Value).ThenBy(article => article.Article.EffectiveDate)
            : articles.OrderByDescending(article => article.Article.EffectiveDate);
        return ranked.ThenBy(article => article.Id.Value, StringComparer.Ordinal);
    }
}

using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Tests;

/// <summary>
/// One story as three outlets could carry it, made from the example article (RFE/RL on Shoigu in Belgrade): the
/// original; N1's copy under its own headline two hours later and N1's update; Sputnik Srbija's shortened copy a day
/// later, without the paragraph that names Kosovo.
/// </summary>
public static class ExampleStory
{
    public static readonly DateTimeOffset Published = new(2020, 2, 17, 9, 0, 0, TimeSpan.Zero);

    public const string SecondHeadline = "Shoigu in Belgrade: military ties on an upward trend";

    /// <summary>The example article, published at <see cref="Published"/>; the story's id is its id.</summary>
    public static Article Original(string? sourceCountry = null) =>
        TextArticleReader.Read(RepositoryPaths.ExampleArticle, DateTimeOffset.UnixEpoch) with { Published = Published, SourceCountry = sourceCountry };

    /// <summary>The original and its three copies, enriched, in the order they were published.</summary>
    public static IReadOnlyList<EnrichedArticle> Enriched(ArticleEnricher enricher, Article original)
    {
        var withoutKosovo = original.Paragraphs.Where(paragraph => !paragraph.Contains("Kosovo", StringComparison.Ordinal)).ToList();
        if (withoutKosovo.Count == original.Paragraphs.Count)
        {
            throw new InvalidOperationException("The example article no longer names Kosovo: the shortened copy would not differ.");
        }

        return
        [
            enricher.Enrich(original),
            Copy("N1", SecondHeadline, original.Paragraphs, Published.AddHours(2)),
            Copy("N1", "UPDATED: Shoigu in Belgrade", original.Paragraphs, Published.AddHours(5)),
            Copy("Sputnik Srbija", "Shoigu: Russia and Serbia will keep the pace of military cooperation", withoutKosovo, Published.AddDays(1)),
        ];

        EnrichedArticle Copy(string outlet, string title, IReadOnlyList<string> paragraphs, DateTimeOffset published) => enricher.Enrich(original with
        {
            Id = ArticleId.ForContent(outlet, title, string.Join("\n\n", paragraphs)),
            Source = outlet,
            SourceCountry = null,
            Title = title,
            Paragraphs = paragraphs,
            Published = published,
            StoryId = original.Id,
        });
    }
}

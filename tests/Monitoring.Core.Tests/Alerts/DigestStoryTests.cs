using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Core.Tests.Alerts;

public sealed class DigestStoryTests
{
    private static readonly DateTimeOffset Morning = new(2026, 7, 10, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CopiesOfOneStory_AreOneEntry_ListingEveryOutlet()
    {
        var wire = Article("wire", "Reuters", Morning, tension: 40);
        var copy = Article("copy", "N1", Morning.AddHours(1), tension: 40, story: wire.Id);
        var other = Article("other", "RTS", Morning.AddHours(2), tension: 10);

        var stories = DigestStory.Assemble([copy, other, wire], DigestOrder.Tension);

        Assert.Equal(2, stories.Count);
        Assert.Equal(wire.Id, stories[0].Lead.Id);
        Assert.Equal([copy.Id], stories[0].Others.Select(article => article.Id));
        Assert.Equal(["Reuters", "N1"], stories[0].Outlets);
        Assert.Equal(other.Id, stories[1].Lead.Id);
    }

    [Fact]
    public void ByTension_TheMostTenseStoryComesFirst_AndByRecency_TheLatest()
    {
        var calmLate = Article("calm", "RTS", Morning.AddHours(5), tension: 5);
        var tenseEarly = Article("tense", "N1", Morning, tension: 70);

        Assert.Equal([tenseEarly.Id, calmLate.Id], DigestStory.Assemble([calmLate, tenseEarly], DigestOrder.Tension).Select(story => story.Lead.Id));
        Assert.Equal([calmLate.Id, tenseEarly.Id], DigestStory.Assemble([calmLate, tenseEarly], DigestOrder.Recency).Select(story => story.Lead.Id));
    }

    [Fact]
    public void AnArticleListedTwice_CountsOnce()
    {
        var article = Article("once", "RTS", Morning, tension: 5);

        var story = Assert.Single(DigestStory.Assemble([article, article], DigestOrder.Recency));

        Assert.Empty(story.Others);
    }

    private static EnrichedArticle Article(string title, string source, DateTimeOffset published, double tension, ArticleId? story = null) =>
        new(
            new Article
            {
                Id = ArticleId.ForContent(source, title, title),
                Title = title,
                Paragraphs = [title],
                Source = source,
                Language = "en",
                Published = published,
                IngestedAt = published,
                StoryId = story,
            },
            ArticleTags.None with { Tension = new TensionScore(tension, []) });
}

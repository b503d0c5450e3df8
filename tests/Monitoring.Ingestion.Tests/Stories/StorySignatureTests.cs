using Monitoring.Core.Articles;
using Monitoring.Ingestion.Stories;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Stories;

public sealed class StorySignatureTests
{
    private static string ReutersFile => Path.Combine(RepositoryPaths.Corpora, "reuters21578", "reut2-000.sgm");

    [Fact]
    public void TheVectorisedSignature_IsTheOneComputedSeedBySeed_ForEveryReutersStory()
    {
        // Stored signatures are compared with new ones, so both ways of computing them must agree bit for bit.
        var stories = ReutersStories();
        Assert.True(stories.Count > 900, $"{stories.Count} stories");
        foreach (var article in stories)
        {
            var vectorised = StorySignature.Of(article.Title, article.Body, vectorised: true);
            var oneByOne = StorySignature.Of(article.Title, article.Body, vectorised: false);
            Assert.Equal(oneByOne.ToBytes(), vectorised.ToBytes());
            Assert.Equal(oneByOne.ShingleCount, vectorised.ShingleCount);
        }
    }

    [Fact]
    public void AnArticlesSignature_ReadParagraphByParagraph_IsTheOneOfItsTitleAndBodyAsOneText()
    {
        // Stored signatures were computed from title, a line break and the joined body as one string: reading the
        // paragraphs one by one must give the same bytes, or new articles would stop meeting the stored ones.
        var articles = ReutersStories();
        Assert.Contains(articles, article => article.Paragraphs.Count > 3);
        foreach (var article in articles)
        {
            var asOneText = StorySignature.Of(article.Title + "\n" + article.Body, "");
            var byParagraph = StorySignature.Of(article);
            Assert.Equal(asOneText.ToBytes(), byParagraph.ToBytes());
            Assert.Equal(asOneText.ShingleCount, byParagraph.ShingleCount);
        }
    }

    private static List<Article> ReutersStories()
    {
        Assert.True(File.Exists(ReutersFile), $"Reuters-21578 not found at {ReutersFile} (set MONITORING_CORPORA).");
        return ReutersSgmlReader.ReadFile(ReutersFile).Select(story => story.ToArticle(DateTimeOffset.UnixEpoch)).ToList();
    }
}

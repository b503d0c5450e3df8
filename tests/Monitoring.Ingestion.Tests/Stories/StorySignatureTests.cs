using Monitoring.Core.Articles;
using Monitoring.Ingestion.Stories;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Stories;

public sealed class StorySignatureTests
{
    [Fact]
    public void TheVectorisedSignature_IsTheOneComputedSeedBySeed_ForEveryReutersStory()
    {
        var file = Path.Combine(RepositoryPaths.Corpora, "reuters21578", "reut2-000.sgm");
        if (!File.Exists(file))
        {
            Assert.Skip($"Reuters-21578 not found at {file} (set MONITORING_CORPORA).");
        }

        // Stored signatures are compared with new ones, so both ways of computing them must agree bit for bit.
        var stories = ReutersSgmlReader.ReadFile(file).Select(story => story.ToArticle(DateTimeOffset.UnixEpoch)).ToList();
        Assert.True(stories.Count > 900, $"{stories.Count} stories");
        foreach (var article in stories)
        {
            var vectorised = StorySignature.Of(article.Title, article.Body, vectorised: true);
            var oneByOne = StorySignature.Of(article.Title, article.Body, vectorised: false);
            Assert.Equal(oneByOne.ToBytes(), vectorised.ToBytes());
            Assert.Equal(oneByOne.ShingleCount, vectorised.ShingleCount);
        }
    }
}

using Monitoring.Core.Articles;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Articles;

public sealed class SeedFolderTests
{
    [Fact]
    public void Reads_TheExampleAndTheDemoCorpus()
    {
        var articles = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UnixEpoch).ToList();

        Assert.Equal(1 + 1180, articles.Count);
        Assert.Single(articles, article => article.Source == "RFE/RL");
    }

    [Fact]
    public void Ids_AreStable_AcrossTwoReadsAtDifferentTimes()
    {
        var first = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UnixEpoch).Select(article => article.Id).ToList();
        var second = SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(article => article.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void Skips_TheEnrichmentFolder()
    {
        var folder = Directory.CreateTempSubdirectory("seeds-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "enrichment"));
            File.WriteAllText(Path.Combine(folder.FullName, "enrichment", "notes.txt"), "Not an article\n\nReally not.\n");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "articles"));
            File.WriteAllText(Path.Combine(folder.FullName, "articles", "one.txt"), "An article\n\nIts body.\n");

            var article = Assert.Single(SeedFolder.ReadArticles(folder.FullName, DateTimeOffset.UnixEpoch));

            Assert.Equal("An article", article.Title);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

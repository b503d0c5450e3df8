using System.Globalization;
using System.Text.Json;
using Monitoring.Tests;

namespace Monitoring.Search.Tests;

/// <summary>Reuters-21578 (../shared/data/reuters21578) as articles, with the topics Reuters labelled each story with.</summary>
internal static class ReutersStories
{
    public static string FilePath => Path.Combine(RepositoryPaths.Corpora, "reuters21578", "reuters21578-dev.jsonl");

    /// <summary>Skips the calling test when the corpus is absent.</summary>
    public static void SkipUnlessPresent()
    {
        if (!File.Exists(FilePath))
        {
            Assert.Skip($"The Reuters-21578 corpus is not at {FilePath} (set MONITORING_CORPORA).");
        }
    }

    /// <summary>Stories with a title and a body, and the labelled topics of each by article id.</summary>
    public static (List<EnrichedArticle> Articles, Dictionary<ArticleId, string[]> Topics) Read()
    {
        var articles = new List<EnrichedArticle>();
        var topics = new Dictionary<ArticleId, string[]>();
        foreach (var line in File.ReadLines(FilePath).Where(line => line.Length > 0))
        {
            var story = JsonSerializer.Deserialize<Story>(line, JsonSerializerOptions.Web)!;
            if (string.IsNullOrWhiteSpace(story.Title) || string.IsNullOrWhiteSpace(story.Body))
            {
                continue;
            }

            var published = DateTime.Parse(story.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var article = new Article
            {
                Id = ArticleId.ForContent("Reuters", story.NewId.ToString(CultureInfo.InvariantCulture), story.Body),
                Title = story.Title,
                Paragraphs = [story.Body],
                Source = "Reuters",
                Language = "en",
                Published = new DateTimeOffset(published, TimeSpan.Zero),
                IngestedAt = DemoCorpus.IngestedAt,
            };
            articles.Add(new EnrichedArticle(article, ArticleTags.None));
            topics[article.Id] = story.Topics ?? [];
        }

        return (articles, topics);
    }

    private sealed record Story(int NewId, string Date, string? Title, string? Body, string[]? Topics);
}

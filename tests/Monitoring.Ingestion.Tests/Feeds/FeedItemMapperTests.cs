using Monitoring.Ingestion.Feeds;
using Monitoring.Ingestion.Inbox;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Feeds;

/// <summary>
/// Real feeds (../shared/data/feeds) whose items used to be refused: each mapped by the one mapper and
/// judged by the normaliser, as polling and import both do.
/// </summary>
public sealed class FeedItemMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static string Feeds => Path.Combine(RepositoryPaths.Corpora, "feeds");

    [Fact]
    public void HeadlineOnlyItems_OfAnRss10Feed_AreKeptAsHeadlines()
    {
        var articles = Normalise("rss-parser-js/test/input/rss-1.rss");

        Assert.Equal(69, articles.Count);
        Assert.All(articles, article => Assert.NotNull(article));
        Assert.All(articles, article => Assert.True(article!.Article.IsHeadlineOnly));
        Assert.Equal("Food for fungi", articles[0]!.Article.Title);
    }

    [Fact]
    public void AnRssItemWithADescriptionAndNoTitle_IsTitledByItsFirstSentence()
    {
        var articles = Normalise("node-feedparser/test/feeds/rss2sample.xml");

        Assert.All(articles, article => Assert.NotNull(article));
        Assert.Equal(
            "Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a partial eclipse of the Sun on Saturday, May 31st.",
            articles[1]!.Article.Title);
    }

    [Fact]
    public void YouTubeEntries_TakeTheirTextFromMediaDescription()
    {
        var articles = Normalise("rss-parser-js/test/input/atom-customfields.atom");

        Assert.Equal(15, articles.Count);
        Assert.All(articles, article => Assert.False(article!.Article.IsHeadlineOnly));
        Assert.StartsWith("Scott's Book \"The Four\"", articles[0]!.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedWrittenAgainstUserLandsNamespace_InWindows1251_IsReadWithItsTitlesAndText()
    {
        var articles = Normalise("node-feedparser/test/feeds/iconv.xml");

        Assert.Equal(10, articles.Count);
        Assert.All(articles, article => Assert.False(article!.Article.IsHeadlineOnly));
        Assert.StartsWith("В Бузулуке главные стройплощадки", articles[0]!.Article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ADateNoParserReads_LeavesTheItemUndated_NotRefused()
    {
        var articles = Normalise("rss-parser-js/test/input/uolNoticias.rss");

        Assert.NotEmpty(articles);
        Assert.All(articles, article => Assert.NotNull(article));
    }

    [Fact]
    public void TheBody_IsTheFullestTextThatIsMoreThanMarkup()
    {
        var item = new FeedItem { Title = "t", Content = "<img src=\"x.jpg\">", Summary = "<p>The summary.</p>", MediaDescription = "Media text." };

        Assert.Equal("<p>The summary.</p>", FeedItemMapper.BodyOf(item));
        Assert.Equal("Media text.", FeedItemMapper.BodyOf(item with { Summary = null }));
        Assert.Equal("<p>Full</p>", FeedItemMapper.BodyOf(item with { Content = "<p>Full</p>" }));
    }

    [Fact]
    public void AnIdThatIsNoPage_IsNoAddress_AndTheFeedLanguageIsTheFallback()
    {
        var item = new FeedItem { Title = "t", Link = new Uri("tag:example.org,2024:1") };

        var incoming = FeedItemMapper.ToIncoming(item, "Wire", feedLanguage: "sr-Latn-RS", fallbackLanguage: "en");

        Assert.Null(incoming.Url);
        Assert.Equal("sr", incoming.Language);
        Assert.Equal("en", FeedItemMapper.ToIncoming(item, "Wire", fallbackLanguage: "EN").Language);
    }

    private static List<NormalisedArticle?> Normalise(string relativePath)
    {
        var path = Path.Combine(Feeds, relativePath);
        if (!File.Exists(path))
        {
            Assert.Skip($"The feed corpus is absent ({path}); set MONITORING_CORPORA.");
        }

        var feed = FeedParser.Parse(File.ReadAllBytes(path));
        return feed.Items
            .Select(item => ArticleNormaliser.TryNormalise(FeedItemMapper.ToIncoming(item, feed.Title ?? "feed", feed.Language), Now, out _))
            .ToList();
    }
}

using Monitoring.Core.Articles;

namespace Monitoring.Core.Tests.Articles;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.COM:443/News/Story?id=7#comments", "https://www.example.com/News/Story?id=7")]
    [InlineData("https://example.com/a?utm_source=x&id=7&fbclid=abc", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    public void Normalise_KeepsWhatNamesThePage_AndDropsHowTheReaderCame(string url, string expected) =>
        Assert.Equal(expected, CanonicalUrl.Normalise(new Uri(url)).AbsoluteUri);

    [Fact]
    public void TwoLinksToTheSamePage_GetOneArticleId()
    {
        var fromFeed = CanonicalUrl.Normalise(new Uri("https://www.rferl.org/a/serbia-russia/30438123.html?utm_source=rss"));
        var fromNewsletter = CanonicalUrl.Normalise(new Uri("https://WWW.RFERL.ORG/a/serbia-russia/30438123.html#top"));

        Assert.Equal(ArticleId.ForUrl(fromFeed), ArticleId.ForUrl(fromNewsletter));
    }

    [Fact]
    public void TryNormalise_ResolvesRelativeLinks_AgainstTheFeed()
    {
        Assert.True(CanonicalUrl.TryNormalise("/a/story.html", new Uri("https://balkaninsight.com/feed/"), out var url));
        Assert.Equal("https://balkaninsight.com/a/story.html", url!.AbsoluteUri);
    }

    [Theory]
    [InlineData("mailto:editor@example.com")]
    [InlineData("not a url")]
    [InlineData("")]
    public void TryNormalise_RefusesWhatIsNoWebPage(string text) =>
        Assert.False(CanonicalUrl.TryNormalise(text, null, out _));
}

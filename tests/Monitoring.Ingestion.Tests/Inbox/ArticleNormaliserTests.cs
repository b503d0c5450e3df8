using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.Tests.Inbox;

/// <summary>What becomes an article, what is repaired on the way, and the one thing that is refused.</summary>
public sealed class ArticleNormaliserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AHeadlineWithoutText_IsKept_AsAHeadlineOnlyArticle()
    {
        var incoming = new IncomingArticle { Title = "Vučić meets Kurti in Brussels", Source = "Balkan Wire", Url = "https://news.example.org/talks" };

        var normalised = ArticleNormaliser.TryNormalise(incoming, Now, out var reason);

        Assert.Null(reason);
        Assert.NotNull(normalised);
        Assert.Equal("Vučić meets Kurti in Brussels", normalised.Article.Title);
        Assert.Empty(normalised.Article.Paragraphs);
        Assert.True(normalised.Article.IsHeadlineOnly);
        Assert.Empty(ArticleNormaliser.Validate(incoming, Now));
    }

    [Fact]
    public void TwoOutletsEqualHeadlinesWithoutText_AreTwoArticles_ButOneOutletsRepeatIsOne()
    {
        var first = ArticleNormaliser.TryNormalise(new IncomingArticle { Title = "Live updates", Source = "A", Url = "https://a.example.org/live" }, Now, out _)!;
        var other = ArticleNormaliser.TryNormalise(new IncomingArticle { Title = "Live updates", Source = "B", Url = "https://b.example.org/live" }, Now, out _)!;
        var again = ArticleNormaliser.TryNormalise(new IncomingArticle { Title = "Live updates", Source = "A", Url = "https://a.example.org/live?utm_source=x" }, Now, out _)!;

        Assert.NotEqual(first.ContentKey, other.ContentKey);
        Assert.Equal(first.ContentKey, again.ContentKey);
    }

    [Fact]
    public void AnItemWithTextAndNoTitle_IsTitledByItsFirstSentence()
    {
        var incoming = new IncomingArticle
        {
            Html = "<p>Sky watchers in Europe will see a partial eclipse of the Sun on Saturday. It starts at dawn.</p><p>More later.</p>",
            Source = "Liftoff News",
        };

        var normalised = ArticleNormaliser.TryNormalise(incoming, Now, out var reason);

        Assert.Null(reason);
        Assert.Equal("Sky watchers in Europe will see a partial eclipse of the Sun on Saturday.", normalised!.Article.Title);
        Assert.Equal(2, normalised.Article.Paragraphs.Count);
        Assert.False(normalised.Article.IsHeadlineOnly);
        Assert.Empty(ArticleNormaliser.Validate(incoming, Now));
    }

    [Theory]
    [InlineData(null, null, null, "title is required when there is no text (or html)")]
    [InlineData(" ", "", null, "title is required when there is no text (or html)")]
    [InlineData("<b></b>", null, "<script>alert(1)</script>", "title and text are both empty once markup is removed")]
    public void AnItemWithNeitherTitleNorText_IsRefused_WithItsReason(string? title, string? text, string? html, string expected)
    {
        var incoming = new IncomingArticle { Title = title, Text = text, Html = html, Source = "Wire" };

        var normalised = ArticleNormaliser.TryNormalise(incoming, Now, out var reason);

        Assert.Null(normalised);
        Assert.Equal(expected, reason);
        Assert.Equal([expected], ArticleNormaliser.Validate(incoming, Now).Select(error => error.ToString()));
    }

    [Fact]
    public void FieldsThatAreWrongButNotNeeded_AreRepairedWithAWarning_WhileThePushApiIsToldOfEach()
    {
        var incoming = new IncomingArticle
        {
            Title = "Talks resume",
            Text = "Negotiators met again.",
            Source = "Wire",
            Url = "tag:wire.example.org,2026:1",
            Published = "Seg, 24 Set 2018 19:32:00 -0300",
            Language = "Serbian",
        };

        var normalised = ArticleNormaliser.TryNormalise(incoming, Now, out var reason);

        Assert.Null(reason);
        Assert.Null(normalised!.Article.Url);
        Assert.Null(normalised.Article.Published);
        Assert.Equal("und", normalised.Article.Language);
        Assert.Contains("published 'Seg, 24 Set 2018 19:32:00 -0300' is not an RFC 822 or ISO 8601 date; kept undated", normalised.Warning, StringComparison.Ordinal);
        Assert.Equal(["language", "published", "url"], ArticleNormaliser.Validate(incoming, Now).Select(error => error.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NulAndOtherControlCharacters_AreRemoved_FromEveryField()
    {
        var incoming = new IncomingArticle { Title = "Talks\u0000 resume\u001B", Text = "Line one.\nLine\u0007 two.", Source = "Wire\u0000", Credit = "\u0000AP" };

        var article = ArticleNormaliser.TryNormalise(incoming, Now, out _)!.Article;

        Assert.Equal("Talks resume", article.Title);
        Assert.Equal("Line one. Line two.", article.Body);
        Assert.Equal("Wire", article.Source);
        Assert.Equal("AP", article.Credit);
    }

    [Fact]
    public void AnItemWithoutSource_IsRefused()
    {
        ArticleNormaliser.TryNormalise(new IncomingArticle { Title = "Talks", Text = "Body." }, Now, out var reason);

        Assert.Equal("source is required", reason);
    }
}

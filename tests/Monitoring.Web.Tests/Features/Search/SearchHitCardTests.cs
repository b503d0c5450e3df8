using Bunit;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

public sealed class SearchHitCardTests : MudTestContext
{
    private const string Body = "The parliament of Kosovo declares independence from Serbia.";

    [Fact]
    public void APassageFromTheMiddle_IsMarkedAsCut_AtBothEnds()
    {
        var card = RenderHit(new Snippet([new SnippetPart("of ", false), new SnippetPart("Kosovo", true), new SnippetPart(" declares", false)]));

        Assert.Equal("… of Kosovo declares …", Normalise(card.Find(".snippet").TextContent));
        Assert.Equal("Kosovo", card.Find(".snippet mark.hit").TextContent);
    }

    [Fact]
    public void TheWholeText_HasNoEllipses()
    {
        var card = RenderHit(new Snippet([new SnippetPart("The parliament of ", false), new SnippetPart("Kosovo", true), new SnippetPart(" declares independence from Serbia.", false)]));

        Assert.Equal(Body, Normalise(card.Find(".snippet").TextContent));
    }

    [Fact]
    public void TheTitle_LinksToTheArticlePage()
    {
        var card = RenderHit(new Snippet([new SnippetPart(Body, false)]));

        var link = card.Find("a.result-title");
        Assert.Equal("Kosovo declares its independence", link.TextContent);
        Assert.Equal($"/articles/{ArticleId.ForContent("Wikipedia Current events", "Kosovo declares its independence", Body).Value}", link.GetAttribute("href"));
    }

    [Fact]
    public void AnImpossibleDate_IsShownAsLookingWrong_NotAsUndated()
    {
        var card = RenderHit(new Snippet([new SnippetPart(Body, false)]), article => article with
        {
            Published = null,
            ImplausiblePublished = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });

        Assert.StartsWith("date looks wrong: 1 Jan 2099", card.Find(".implausible-date").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("undated", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadlineWithoutText_IsMarkedAsHeadlineOnly()
    {
        var card = RenderHit(new Snippet([new SnippetPart("Kosovo", true)]), article => article with { Paragraphs = [] });

        Assert.Equal("headline only", card.Find(".headline-only").TextContent);
        Assert.Empty(RenderHit(new Snippet([new SnippetPart(Body, false)])).FindAll(".headline-only"));
    }

    private IRenderedComponent<SearchHitCard> RenderHit(Snippet snippet, Func<Article, Article>? change = null)
    {
        var article = new Article
        {
            Id = ArticleId.ForContent("Wikipedia Current events", "Kosovo declares its independence", Body),
            Title = "Kosovo declares its independence",
            Paragraphs = [Body],
            Source = "Wikipedia Current events",
            Language = "en",
            Published = new DateTimeOffset(2008, 2, 17, 0, 0, 0, TimeSpan.Zero),
            IngestedAt = DateTimeOffset.UnixEpoch,
        };
        article = change?.Invoke(article) ?? article;
        return Render<SearchHitCard>(parameters => parameters.Add(c => c.Hit, new SearchHit(new EnrichedArticle(article, ArticleTags.None), 1, [snippet])));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

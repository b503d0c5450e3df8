using System.Globalization;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Tests.Pages;

/// <summary>
/// One small page per class of failure seen on real pages (issue 20): page builders, reference lists,
/// portal teasers, split bodies, misnamed bodies, structured data and the fallbacks.
/// </summary>
public sealed class MainContentClassesTests
{
    private const string Prose1 = ArticlePageExtractorTests.Prose1;
    private const string Prose2 = ArticlePageExtractorTests.Prose2;
    private const string Prose3 = ArticlePageExtractorTests.Prose3;

    private readonly ArticlePageExtractor _extractor = new();

    [Fact]
    public void ReadsElementorTextWidgets_AsTheArticle_AndDropsItsMenuAndShareWidgets()
    {
        var page = _extractor.Extract($"""
            <html><body><div class="elementor elementor-location-single">
              <div class="elementor-element elementor-widget elementor-widget-nav-menu"><div class="elementor-widget-container"><a href="/">Početna</a> <a href="/vesti">Vesti</a> <a href="/sport">Sport</a></div></div>
              <div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>{Prose1}</p><p>{Prose2}</p></div></div>
              <div class="elementor-element elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container"><span>Podeli, podeli ovu vest na mrežama, prijateljima i porodici, odmah sada.</span></div></div>
              <div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>{Prose3}</p></div></div>
            </div></body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
    }

    [Fact]
    public void KeepsSections_WhoseIdsAreTheSlugsOfTheirHeadings_EvenWhenTheSlugSoundsLikeBoilerplate()
    {
        var page = _extractor.Extract($"""
            <html><body><div class="document">
              <div class="section" id="the-talks"><h2>The talks</h2><p>{Prose1}</p></div>
              <div class="section" id="sharing-the-border-with-a-neighbour"><h2>Sharing the border with a neighbour</h2><p>{Prose2}</p></div>
              <div class="section" id="what-comes-next"><h2>What comes next</h2><p>{Prose3}</p></div>
            </div></body></html>
            """);

        Assert.Contains(Prose2, page.Paragraphs);
        Assert.Contains(Prose3, page.Paragraphs);
    }

    [Fact]
    public void AReferenceList_DoesNotOutvoteTheArticleItCites()
    {
        var references = string.Concat(Enumerable.Range(1, 40).Select(number => string.Create(CultureInfo.InvariantCulture,
            $"<li>^ Petrović, M., Krasniqi, A., Jovanović, S. ({1990 + (number % 30)}). \"Report {number}\", Journal of Balkan Studies, vol. {number}, pp. {number}–{number + 9}. Retrieved 2 May 2020.</li>")));
        var page = _extractor.Extract($"""
            <html><body>
              <div class="page"><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>
              <div class="reflist"><ol class="references">{references}</ol></div>
            </body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
    }

    [Fact]
    public void AColumnOfTeasers_DoesNotOutvoteTheStory()
    {
        var teasers = string.Concat(Enumerable.Range(1, 15).Select(number => string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"item\"><h3><a href=\"/story/{number}\">Headline number {number} about the region, the parliament and the budget</a></h3><p>A summary of story {number}, with the minister, the mayor, the opposition, and a date, in one sentence of teaser text.</p></div>")));
        var page = _extractor.Extract($"""
            <html><body>
              <div class="col-main"><h1>Talks resume</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>
              <div class="col-more">{teasers}</div>
            </body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
    }

    [Fact]
    public void JoinsArticleBlocksThatAreCousins_EachUnderItsOwnWrapper()
    {
        var page = _extractor.Extract($"""
            <html><body><main>
              <div class="block"><div class="grid"><div class="article-text"><p>{Prose1}</p></div></div></div>
              <div class="block"><div class="embed"><iframe src="https://video.example.org/1"></iframe></div></div>
              <div class="block"><div class="grid"><div class="article-text"><p>{Prose2}</p></div></div></div>
              <div class="block"><div class="grid"><div class="article-text"><p>{Prose3}</p></div></div></div>
            </main></body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
    }

    [Fact]
    public void KeepsAnArticle_WrappedInAPaywallOrWidgetName_WhenItHoldsMostOfThePagesText()
    {
        var page = _extractor.Extract($"""
            <html><body>
              <header><div class="dateline"><p>Published March 12, 2024, 10:42 AM ET, updated 11:05 AM ET</p></div><div class="hero"></div></header>
              <div class="subscriber-only-widget"><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>
            </body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
    }

    [Fact]
    public void FallsBackToTheDensestTextBlock_WhenTheBodyWasRemovedAsBoilerplate_AndSaysSo()
    {
        var page = _extractor.Extract($"""
            <html><body>
              <header><p>Published March 12, 2024, 10:42 AM ET, updated 11:05 AM ET by the business desk</p></header>
              <div class="social-layout"><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>
              <div class="social-links"><a href="/x">X</a> <a href="/f">Facebook</a></div>
            </body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
        Assert.Equal("densest text block", page.Trace.Fallback);
    }

    [Fact]
    public void TakesTheJsonLdArticleBody_WhenThePageDoesNotShowTheText_AndSaysSo()
    {
        var page = _extractor.Extract($$"""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Talks resume",
             "articleBody": "{{Prose1}}\n{{Prose2}}\n{{Prose3}}"}
            </script></head><body>
              <header><p>Published March 12, 2024, 10:42 AM ET by the business desk, updated at 11:05</p></header>
              <div id="app"></div>
            </body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
        Assert.Equal("json-ld articleBody: not shown in the page", page.Trace.Fallback);
    }

    [Fact]
    public void PrefersTheBlockShowingTheJsonLdArticleBody_OverAHigherScoringBlock()
    {
        var longer = string.Concat(Enumerable.Repeat($"<p>{Prose3} Again, and again, and again, with commas, commas, commas.</p>", 4));
        var page = _extractor.Extract($$"""
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Talks resume", "articleBody": "{{Prose1}} {{Prose2}}"}
            </script></head><body>
              <div class="story"><p>{{Prose1}}</p><p>{{Prose2}}</p></div>
              <div class="opinion">{{longer}}</div>
            </body></html>
            """);

        Assert.Equal([Prose1, Prose2], page.Paragraphs);
        Assert.Equal("json-ld articleBody: the block that shows it", page.Trace.Fallback);
    }

    [Fact]
    public void DoesNotTrustAJsonLdArticleBody_ThatTheChosenTextAlreadyHolds()
    {
        var page = _extractor.Extract($$"""
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Talks resume", "articleBody": "{{Prose1}} {{Prose2}}"}
            </script></head><body><article><p>{{Prose1}}</p><p>{{Prose2}}</p><p>{{Prose3}}</p></article></body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
        Assert.Null(page.Trace.Fallback);
    }

    [Fact]
    public void FallsBackToTheFeedSummary_WhenThePageHasNoText_AndSaysSo()
    {
        const string Summary = "Officials met in Brussels and agreed to keep talking about the border crossings.";

        var page = _extractor.Extract("<html><body><div id=\"app\"></div></body></html>", feedSummary: Summary);

        Assert.True(page.Succeeded, page.Error);
        Assert.Equal([Summary], page.Paragraphs);
        Assert.Equal("feed summary", page.Trace.Fallback);
    }
}

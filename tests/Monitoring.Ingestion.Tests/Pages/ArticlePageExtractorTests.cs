using System.Text;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Tests.Pages;

public sealed class ArticlePageExtractorTests
{
    internal const string Prose1 =
        "Serbian and Kosovo officials met in Brussels on Tuesday, their first meeting in months, and agreed to keep talking about the border crossings.";

    internal const string Prose2 =
        "The European Union's envoy said the talks were difficult, but that both sides had shown, for the first time, a willingness to compromise.";

    internal const string Prose3 =
        "Observers in Belgrade and Pristina cautioned that similar promises, made in earlier rounds, had not been kept once the delegations went home.";

    private readonly ArticlePageExtractor _extractor = new();

    [Fact]
    public void ChoosesTheArticleBlock_OverNavigationSidebarAndFooter()
    {
        var page = _extractor.Extract($"""
            <html><body>
              <div class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport, results, tables and more</a></div>
              <div id="sidebar"><p>Most read: a story that is long enough to count as a paragraph, with commas, commas, commas.</p></div>
              <div class="story-body"><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>
              <footer><p>Copyright 2024, the publisher, all rights reserved, terms and conditions apply.</p></footer>
            </body></html>
            """);

        Assert.True(page.Succeeded, page.Error);
        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
        Assert.Contains("div.story-body", page.Trace.ContentElement, StringComparison.Ordinal);
    }

    [Fact]
    public void DropsLinkDenseBlocks_InsideTheArticle()
    {
        var page = _extractor.Extract($"""
            <html><body><article>
              <p>{Prose1}</p>
              <ul><li><a href="/a">Related: Kosovo border talks stall again</a></li><li><a href="/b">Related: Serbia's president visits Moscow</a></li></ul>
              <p>{Prose2}</p>
            </article></body></html>
            """);

        Assert.Equal([Prose1, Prose2], page.Paragraphs);
    }

    [Fact]
    public void JoinsSplitArticleBodies_InReadingOrder()
    {
        var page = _extractor.Extract($"""
            <html><body><div id="main">
              <div class="article-text"><p>{Prose1}</p><p>{Prose2}</p></div>
              <div class="ad-slot"><a href="/buy">Buy now</a></div>
              <div class="article-text"><p>{Prose3}</p></div>
            </div></body></html>
            """);

        Assert.Equal([Prose1, Prose2, Prose3], page.Paragraphs);
    }

    [Fact]
    public void NeverShowsScriptsStylesOrHiddenElements()
    {
        var page = _extractor.Extract($"""
            <html><head><style>p {"{"} color: red {"}"}</style></head><body><article>
              <p>{Prose1}</p>
              <script>document.write('injected text from a script');</script>
              <p style="display: none">A hidden paragraph that readers never see, long enough to count.</p>
              <p hidden>Another hidden paragraph that readers never see, long enough to count.</p>
              <p>{Prose2}</p>
            </article></body></html>
            """);

        Assert.Equal([Prose1, Prose2], page.Paragraphs);
    }

    [Fact]
    public void PrefersJsonLd_OverMetaTags()
    {
        var page = _extractor.Extract($$"""
            <html lang="en"><head>
              <title>Meta title | Site</title>
              <meta property="og:title" content="OpenGraph title of the story">
              <meta name="author" content="Meta Author">
              <meta property="article:published_time" content="2020-01-01T00:00:00Z">
              <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "The Site"},
                  {"@type": "NewsArticle", "headline": "Leaders meet in Brussels", "inLanguage": "sr-Latn",
                   "author": [{"@type": "Person", "name": "Ana Petrović"}, {"@type": "Person", "name": "Ivan Horvat"}],
                   "datePublished": "2024-03-05T14:30:00+01:00"}]}
              </script>
            </head><body><article><p>{{Prose1}}</p></article></body></html>
            """);

        Assert.Equal("Leaders meet in Brussels", page.Title);
        Assert.Equal("Ana Petrović, Ivan Horvat", page.Byline);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 13, 30, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("sr", page.Language);
        Assert.Equal("json-ld headline", page.Trace.FieldSources["title"]);
    }

    [Fact]
    public void ReadsMetaTagsAndMarkup_WhenThereIsNoJsonLd()
    {
        var page = _extractor.Extract($"""
            <html lang="hr-HR"><head>
              <meta property="og:title" content="Zagreb hosts regional summit">
              <meta name="dc.creator" content="By Marko Marić">
              <script type="application/ld+json">{"{"} this is not json</script>
            </head><body><article><time datetime="2023-07-01T08:00:00+02:00">1 July</time><p>{Prose1}</p></article></body></html>
            """);

        Assert.Equal("Zagreb hosts regional summit", page.Title);
        Assert.Equal("Marko Marić", page.Byline);
        Assert.Equal(new DateTimeOffset(2023, 7, 1, 6, 0, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("hr", page.Language);
        Assert.Equal("<time datetime>", page.Trace.FieldSources["published"]);
    }

    [Fact]
    public void ReadsJsonLd_WrappedInCdata()
    {
        var page = _extractor.Extract($$"""
            <html><head><script type="application/ld+json">
              <![CDATA[
              {"@type": "Article", "name": "Hermitian matrix", "datePublished": "2003-02-28T21:51:08Z"}
              ]]>
            </script></head><body><article><p>{{Prose1}}</p></article></body></html>
            """);

        Assert.Equal("Hermitian matrix", page.Title);
        Assert.Equal(new DateTimeOffset(2003, 2, 28, 21, 51, 8, TimeSpan.Zero), page.Published);
    }

    [Theory]
    [InlineData("Kosovo and Serbia agree on licence plates | Balkan Insight", null, "Kosovo and Serbia agree on licence plates")]
    [InlineData("Kosovo and Serbia agree on licence plates - The Daily", null, "Kosovo and Serbia agree on licence plates")]
    [InlineData("N1 – Kosovo and Serbia agree on licence plates", "N1", "Kosovo and Serbia agree on licence plates")]
    [InlineData("Kosovo and Serbia agree on licence plates » Radio Free Europe Balkan Service", "Radio Free Europe Balkan Service", "Kosovo and Serbia agree on licence plates")]
    [InlineData("Belgrade - Pristina dialogue resumes", null, "Belgrade - Pristina dialogue resumes")]
    [InlineData("Serbia votes today | Radio Free Europe", null, "Serbia votes today | Radio Free Europe")]
    [InlineData("Sport » Partizan wins", null, "Partizan wins")]
    [InlineData("Kosovo and Serbia agree on licence plates | Politics | The Daily", null, "Kosovo and Serbia agree on licence plates | Politics")]
    public void RemovesTheSiteName_FromTheTitle(string title, string? siteName, string expected)
    {
        var site = siteName is null ? string.Empty : $"""<meta property="og:site_name" content="{siteName}">""";
        var page = _extractor.Extract($"<html><head><title>{title}</title>{site}</head><body><article><p>{Prose1}</p></article></body></html>");

        Assert.Equal(expected, page.Title);
    }

    [Fact]
    public void KeepsADeclaredTitle_AsThePublisherWroteIt()
    {
        var page = _extractor.Extract($"""
            <html><head><title>Ignored | Site</title><meta property="og:title" content="Kosovo and Serbia agree on licence plates | Site">
            <meta property="og:site_name" content="Site"></head>
            <body><h1>Kosovo and Serbia agree on licence plates</h1><article><p>{Prose1}</p></article></body></html>
            """);

        Assert.Equal("Kosovo and Serbia agree on licence plates | Site", page.Title);
        Assert.Equal("og:title", page.Trace.FieldSources["title"]);
    }

    [Fact]
    public void PrefersDublinCore_OverOpenGraphAndTheAuthorTag()
    {
        var page = _extractor.Extract($"""
            <html><head><meta property="og:title" content="Share card title"><meta name="dc.title" content="The article's title">
            <meta name="author" content="Site Team"><meta name="dc.creator" content="Ana Petrović"></head>
            <body><article><p>{Prose1}</p></article></body></html>
            """);

        Assert.Equal("The article's title", page.Title);
        Assert.Equal("Ana Petrović", page.Byline);
    }

    [Fact]
    public void SkipsBylinesOfCommentsAndTeasers_AndTakesTheArticlesAuthor()
    {
        var page = _extractor.Extract($"""
            <html><body>
              <ul class="comments-list"><li><div class="byline">J J</div><p>First!</p></li></ul>
              <div class="related-stories"><div class="story"><a href="/x">Another story</a><span class="byline">Other Writer</span></div></div>
              <article><h1>Leaders meet in Brussels</h1><div class="author"><div class="author-name">Ana Petrović</div></div><p>{Prose1}</p><p>{Prose2}</p></article>
            </body></html>
            """);

        Assert.Equal("Ana Petrović", page.Byline);
        Assert.Equal("author element", page.Trace.FieldSources["byline"]);
    }

    [Fact]
    public void LeavesOutTheJobTitleDateAndAvatar_ThatTravelWithTheAuthorsName()
    {
        var page = _extractor.Extract($"""
            <html><body><article><h1>Leaders meet in Brussels</h1>
              <div class="author"><img class="author-avatar" alt="Ben" src="a.png"><a class="author-link" href="/author/ben">Ben Silverman</a>
                <div class="author-title">Games Editor</div><time datetime="2024-01-01">1 January</time></div>
              <p>{Prose1}</p><p>{Prose2}</p></article></body></html>
            """);

        Assert.Equal("Ben Silverman", page.Byline);
    }

    [Theory]
    [InlineData("article__author", "By\n\t\t\tScott Cunningham\t\t\t", "Scott Cunningham")]
    [InlineData("td-post-author-name", "<div class=\"td-author-by\">Аутор</div> <a href=\"/author/r\">Редакција</a> <div class=\"td-author-line\"> - </div>", "Редакција")]
    [InlineData("post-author", "Autor: Marko Marić", "Marko Marić")]
    [InlineData("entry-autor", "Piše: Jelena Jovanović", "Jelena Jovanović")]
    [InlineData("meta-author", "Пише: Ана Петровић", "Ана Петровић")]
    [InlineData("autori", "Nga: Arben Krasniqi", "Arben Krasniqi")]
    [InlineData("news-author", "Автор: Марија Стојановска", "Марија Стојановска")]
    public void ReadsAnAuthorElementNamedByItsRole_InTheRegionsWordsForBy(string className, string markup, string expected)
    {
        var page = _extractor.Extract($"""
            <html><body><article><h1>Leaders meet in Brussels</h1><div class="{className}">{markup}</div><p>{Prose1}</p><p>{Prose2}</p></article></body></html>
            """);

        Assert.Equal(expected, page.Byline);
    }

    [Theory]
    [InlineData("author-bio", "Ana writes about the Balkans for many years.")]
    [InlineData("author-box-title", "About the author")]
    [InlineData("follow-author", "Follow Author")]
    public void IgnoresAuthorBoxesBiosAndFollowButtons(string className, string text)
    {
        var page = _extractor.Extract($"""
            <html><body><article><h1>Leaders meet in Brussels</h1><p>{Prose1}</p><p>{Prose2}</p><div class="{className}">{text}</div></article></body></html>
            """);

        Assert.Null(page.Byline);
    }

    [Fact]
    public void PrefersTheVisibleByline_ToOpenGraphsArticleAuthor_AndFallsBackToIt()
    {
        const string Head = """<meta property="article:author" content="Template Default"><meta property="og:article:author" content="BBC News">""";
        var withByline = _extractor.Extract($"""<html><head>{Head}</head><body><article><h1>Talks</h1><span class="byline">Ana Petrović</span><p>{Prose1}</p></article></body></html>""");
        var withoutByline = _extractor.Extract($"""<html><head><meta property="og:article:author" content="BBC News"></head><body><article><p>{Prose1}</p></article></body></html>""");

        Assert.Equal("Ana Petrović", withByline.Byline);
        Assert.Equal("BBC News", withoutByline.Byline);
        Assert.Equal("og:article:author", withoutByline.Trace.FieldSources["byline"]);
    }

    [Fact]
    public void PrefersTheVocabularysPropertySpelling_ToAFreeNameAttribute()
    {
        var page = _extractor.Extract($"""
            <html><head><meta name="dc:title" content="Name title"><meta property="dc:title" content="Property title">
            <meta name="dc:creator" content="Name Author"><meta property="dc:creator" content="Property Author"></head>
            <body><article><p>{Prose1}</p></article></body></html>
            """);

        Assert.Equal("Property title", page.Title);
        Assert.Equal("Property Author", page.Byline);
    }

    [Theory]
    [InlineData("2021-11-01T10:52:50+0100", "2021-11-01T09:52:50Z")]
    [InlineData("2017-12-15T08:50:02-05:00", "2017-12-15T13:50:02Z")]
    [InlineData("2015-03-27T13:07:55.096Z", "2015-03-27T13:07:55.096Z")]
    [InlineData("2019-04-28 06:01:07", "2019-04-28T06:01:07Z")]
    [InlineData("2024-06-25", "2024-06-25T00:00:00Z")]
    [InlineData("Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00Z")]
    public void ConvertsPublishedTimes_ToUtcWithThePagesOffset(string written, string utc)
    {
        var page = _extractor.Extract($"""<html><head><meta property="article:published_time" content="{written}"></head><body><article><p>{Prose1}</p></article></body></html>""");

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), page.Published);
        Assert.Equal(TimeSpan.Zero, page.Published!.Value.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("0000-00-00")]
    [InlineData("1066-10-14T09:00:00Z")]
    public void LeavesThePublishedTimeUnknown_WhenThePageGivesNoUsableDate(string written)
    {
        var page = _extractor.Extract($"""<html><head><meta name="date" content="{written}"></head><body><article><p>{Prose1}</p></article></body></html>""");

        Assert.Null(page.Published);
    }

    [Fact]
    public void RefusesPages_OverTheSizeLimit()
    {
        var extractor = new ArticlePageExtractor(new PageExtractionOptions { MaxPageBytes = 2048 });
        var html = $"<html><body><article>{string.Concat(Enumerable.Repeat($"<p>{Prose1}</p>", 20))}</article></body></html>";

        var fromText = extractor.Extract(html);
        var fromBytes = extractor.Extract(Encoding.UTF8.GetBytes(html));

        Assert.False(fromText.Succeeded);
        Assert.StartsWith("page too large", fromText.Error, StringComparison.Ordinal);
        Assert.Contains("MaxPageBytes", fromText.Error, StringComparison.Ordinal);
        Assert.StartsWith("page too large", fromBytes.Error, StringComparison.Ordinal);
        Assert.Empty(fromText.Paragraphs);
    }

    [Fact]
    public void RefusesBinaryContent_WithTheReason()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        byte[] zeros = [.. "<html>"u8, 0, 0, 0, 1, 2, 3];

        Assert.Equal("binary content (PNG image), not an HTML page", _extractor.Extract(png).Error);
        Assert.Equal("binary content (zero bytes), not an HTML page", _extractor.Extract(zeros).Error);
        Assert.Equal("binary content (zero characters), not an HTML page", _extractor.Extract("<html>\0\0\0</html>").Error);
    }

    [Fact]
    public void ReadsBytes_InTheEncodingThePageDeclares()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string Sentence = "Председник Србије, Александар Вучић, рекао је данас у Београду да ће Србија бранити своје интересе.";
        var bytes = Encoding.GetEncoding(1251).GetBytes($"""<html><head><meta charset="windows-1251"><title>Вучић у Београду</title></head><body><article><p>{Sentence}</p></article></body></html>""");

        var page = _extractor.Extract(bytes);

        Assert.Equal("Вучић у Београду", page.Title);
        Assert.Equal([Sentence], page.Paragraphs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<<<>>><<!-- unclosed")]
    [InlineData("<html><body><p>short</p></body></html>")]
    [InlineData("<html><body><div><p>unclosed <b>bold <i>italic</div></span></table>")]
    public void ReportsAReason_InsteadOfThrowing_ForPagesWithoutText(string html)
    {
        var page = _extractor.Extract(html);

        Assert.Equal(page.Paragraphs.Count == 0, page.Error is not null);
    }

    [Theory]
    [InlineData("<div>")]
    [InlineData("<b>")]
    [InlineData("<table><tr><td>")]
    public void RefusesHostileNesting_BeforeParsingIt(string opening)
    {
        // Parsing 50,000 nested <div>s took a minute (the parser is quadratic in depth); refused unparsed, it takes no time.
        var html = $"<html><body>{string.Concat(Enumerable.Repeat(opening, 50_000))}{Prose1}</body></html>";

        Assert.Equal("page nested too deeply: 50000 levels, the limit is 500", _extractor.Extract(html).Error);
        Assert.Equal("page nested too deeply: 50000 levels, the limit is 500", _extractor.Extract(Encoding.UTF8.GetBytes(html)).Error);
    }

    [Fact]
    public void AcceptsUnclosedParagraphsAndListItems_AsTheParserClosesThem()
    {
        var html = $"<html><body><article>{string.Concat(Enumerable.Repeat($"<p>{Prose1}<ul><li>one<li>two</ul>", 600))}</article></body></html>";

        var page = _extractor.Extract(html);

        Assert.True(page.Succeeded, page.Error);
        Assert.Equal(600, page.Paragraphs.Count(paragraph => paragraph == Prose1));
    }

    [Fact]
    public void ResolvesTheCanonicalAddress_AgainstThePageAddress()
    {
        var page = _extractor.Extract(
            $"""<html><head><link rel="canonical" href="/vesti/politika/123"></head><body><article><p>{Prose1}</p></article></body></html>""",
            new Uri("https://www.example.org/vesti/politika/123?utm_source=feed"));

        Assert.Equal(new Uri("https://www.example.org/vesti/politika/123"), page.CanonicalUrl);
    }
}

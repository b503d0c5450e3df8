using Monitoring.Core.Search.Names;

namespace Monitoring.Search.Tests;

/// <summary>One engine under test: the writing and the reading side (often the same object).</summary>
public sealed record SearchEngineUnderTest(IArticleIndex Index, IArticleSearch Search);

/// <summary>
/// The behaviour every search engine must show. An engine's test class derives from this and supplies
/// fresh, empty engines; it also cleans them up after each test.
/// </summary>
public abstract partial class ArticleSearchContract
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IReadOnlyList<EnrichedArticle> Corpus => DemoCorpus.Articles;

    /// <summary>A new engine holding no articles, expanding typed names with <paramref name="names"/> (none when null).</summary>
    protected abstract Task<SearchEngineUnderTest> CreateEmptyEngineAsync(IReadOnlyList<NameGroup>? names = null);

    [Fact]
    public async Task Indexing_TheSameArticlesTwice_DoublesNothing()
    {
        var engine = await CorpusEngineAsync();
        var kosovoBefore = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo" });

        await engine.Index.IndexAsync(Corpus, Cancel);

        Assert.Equal(Corpus.Count, await engine.Search.CountAsync(Cancel));
        Assert.Equal(kosovoBefore, await TotalAsync(engine, new ArticleQuery { Text = "Kosovo" }));
    }

    [Fact]
    public async Task Count_IsZero_ForAnEmptyEngine()
    {
        var engine = await CreateEmptyEngineAsync();

        Assert.Equal(0, await engine.Search.CountAsync(Cancel));
        var result = await engine.Search.SearchAsync(new ArticleQuery(), Cancel);
        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task Text_FindsTheArticle_ByAWordOnlyItContains()
    {
        var holder = Assert.Single(Corpus, article => DemoCorpus.Mentions(article, "Shirokaya"));
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "shirokaya" }, Cancel);

        Assert.Equal(1, result.Total);
        Assert.Equal(holder.Id, Assert.Single(result.Hits).Article.Id);
    }

    [Fact]
    public async Task Text_MatchesWholeWords_LikeTheCorpusSays()
    {
        var engine = await CorpusEngineAsync();

        var expected = Corpus.Count(article => DemoCorpus.Mentions(article, "Kosovo"));

        Assert.Equal(expected, await TotalAsync(engine, new ArticleQuery { Text = "Kosovo" }));
    }

    [Fact]
    public async Task Phrase_MatchesTheWordsInOrderOnly()
    {
        var engine = await CorpusEngineAsync();

        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "\"Shirokaya Balka\"" }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { Text = "\"Balka Shirokaya\"" }));
    }

    [Fact]
    public async Task TrailingWildcard_MatchesWordsStartingWithIt()
    {
        var engine = await CorpusEngineAsync();

        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Text = "Shiroka*" }));
    }

    [Fact]
    public async Task Boolean_AndOrNot_CombineLikeSets()
    {
        var engine = await CorpusEngineAsync();

        var kosovo = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo" });
        var serbia = await TotalAsync(engine, new ArticleQuery { Text = "Serbia" });
        var both = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo AND Serbia" });
        var implicitAnd = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo Serbia" });
        var either = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo OR Serbia" });
        var kosovoOnly = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo NOT Serbia" });
        var kosovoMinus = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo -Serbia" });
        var plusMinus = await TotalAsync(engine, new ArticleQuery { Text = "+Kosovo -Serbia" });
        var plusPlus = await TotalAsync(engine, new ArticleQuery { Text = "+Kosovo +Serbia" });
        var grouped = await TotalAsync(engine, new ArticleQuery { Text = "(Kosovo OR Serbia) AND NOT (Kosovo AND Serbia)" });

        Assert.InRange(both, 1, Math.Min(kosovo, serbia) - 1);
        Assert.Equal(both, implicitAnd);
        Assert.Equal(kosovo + serbia - both, either);
        Assert.Equal(kosovo - both, kosovoOnly);
        Assert.Equal(kosovoOnly, kosovoMinus);
        Assert.Equal(kosovoOnly, plusMinus);
        Assert.Equal(both, plusPlus);
        Assert.Equal(either - both, grouped);
    }

    [Fact]
    public async Task Exclusion_Alone_MeansEverythingElse()
    {
        var engine = await CorpusEngineAsync();

        var kosovo = await TotalAsync(engine, new ArticleQuery { Text = "Kosovo" });

        Assert.Equal(Corpus.Count - kosovo, await TotalAsync(engine, new ArticleQuery { Text = "-Kosovo" }));
    }

    [Theory]
    [InlineData("Kosovo AND (Serbia")]
    [InlineData("\"Kosovo independence")]
    [InlineData("Kosovo AND")]
    [InlineData("*osovo")]
    public async Task InvalidSyntax_IsRejected_WithAMessageForTheAnalyst(string text)
    {
        var engine = await CorpusEngineAsync();

        var error = await Assert.ThrowsAsync<InvalidQueryException>(
            () => engine.Search.SearchAsync(new ArticleQuery { Text = text }, Cancel));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Contains("cannot be understood", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, error.QueryText);
    }

    [Fact]
    public async Task CountryFilter_Narrows_AndItsFacetStillListsTheOtherCountries()
    {
        var engine = await CorpusEngineAsync();
        var tagged = Corpus.Where(article => DemoCorpus.HasCountry(article, "XK")).ToList();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Countries = ["XK"], Take = 5 }, Cancel);

        Assert.Equal(tagged.Count, result.Total);
        Assert.Equal(5, result.Hits.Count);
        Assert.All(result.Hits, hit => Assert.True(DemoCorpus.HasCountry(hit.Article, "XK")));

        // Disjunctive: the country facet ignores the country filter, so it counts the whole corpus …
        Assert.Contains(new FacetCount("XK", tagged.Count), result.Facets.Countries);
        Assert.Contains(new FacetCount("RS", Corpus.Count(article => DemoCorpus.HasCountry(article, "RS"))), result.Facets.Countries);

        // … while every other facet counts only the filtered articles.
        Assert.Equal(tagged.Count, Assert.Single(result.Facets.Languages).Count);
        Assert.Equal(
            new FacetCount("elections", tagged.Count(article => DemoCorpus.HasTopic(article, "elections"))),
            Assert.Single(result.Facets.Topics));
    }

    [Fact]
    public async Task Facets_AreOrderedByCount_ThenByValue()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);

        var expected = DemoCorpus.CountryNames.Values
            .Select(code => new FacetCount(code, Corpus.Count(article => DemoCorpus.HasCountry(article, code))))
            .Where(facet => facet.Count > 0)
            .OrderByDescending(facet => facet.Count)
            .ThenBy(facet => facet.Value, StringComparer.Ordinal);
        Assert.Equal(expected, result.Facets.Countries);
        Assert.Equal(new FacetCount("en", Corpus.Count), Assert.Single(result.Facets.Languages));
        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task Filters_AreOrWithinAField_AndAndAcrossFields()
    {
        var engine = await CorpusEngineAsync();

        var albaniaOrKosovo = await TotalAsync(engine, new ArticleQuery { Countries = ["XK", "AL"] });
        var kosovoElections = await TotalAsync(engine, new ArticleQuery { Countries = ["XK"], Topics = ["elections"] });
        var lowerCaseCode = await TotalAsync(engine, new ArticleQuery { Countries = ["xk"] });

        Assert.Equal(Corpus.Count(a => DemoCorpus.HasCountry(a, "XK") || DemoCorpus.HasCountry(a, "AL")), albaniaOrKosovo);
        Assert.Equal(Corpus.Count(a => DemoCorpus.HasCountry(a, "XK") && DemoCorpus.HasTopic(a, "elections")), kosovoElections);
        Assert.Equal(Corpus.Count(a => DemoCorpus.HasCountry(a, "XK")), lowerCaseCode);
    }

    [Fact]
    public async Task DateRange_IncludesBothEnds()
    {
        var engine = await CorpusEngineAsync();
        var from = new DateOnly(2008, 2, 17);
        var to = new DateOnly(2008, 2, 29);

        var result = await engine.Search.SearchAsync(new ArticleQuery { From = from, To = to, Take = 100 }, Cancel);

        var expected = Corpus.Where(article => DemoCorpus.DateOf(article) >= from && DemoCorpus.DateOf(article) <= to).ToList();
        Assert.Contains(expected, article => DemoCorpus.DateOf(article) == from);
        Assert.Equal(expected.Count, result.Total);
        Assert.Equal(expected.Select(a => a.Id).ToHashSet(), result.Hits.Select(hit => hit.Article.Id).ToHashSet());
        Assert.Equal(
            Corpus.Count(article => DemoCorpus.DateOf(article) == from),
            await TotalAsync(engine, new ArticleQuery { From = from, To = from }));
    }

    [Fact]
    public async Task NoText_ListsNewestFirst_WithTheStartOfTheBodyAsSnippet()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Take = 30 }, Cancel);

        var dates = result.Hits.Select(hit => DemoCorpus.DateOf(hit.Article)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(Corpus.Max(DemoCorpus.DateOf), dates[0]);
        Assert.All(result.Hits, hit =>
        {
            var part = Assert.Single(Assert.Single(hit.Snippets).Parts);
            Assert.False(part.IsMatch);
            Assert.StartsWith(part.Text, hit.Article.Article.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Sort_OldestAndNewest_OrderByDate_AndPagesDoNotOverlap()
    {
        var engine = await CorpusEngineAsync();

        var oldest = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Oldest, Take = 20 }, Cancel);
        var firstPage = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Newest, Take = 10 }, Cancel);
        var secondPage = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Newest, Skip = 10, Take = 10 }, Cancel);
        var bothPages = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Newest, Take = 20 }, Cancel);

        var oldestDates = oldest.Hits.Select(hit => DemoCorpus.DateOf(hit.Article)).ToList();
        Assert.Equal(oldestDates.Order(), oldestDates);
        Assert.Equal(
            bothPages.Hits.Select(hit => DemoCorpus.DateOf(hit.Article)),
            firstPage.Hits.Concat(secondPage.Hits).Select(hit => DemoCorpus.DateOf(hit.Article)));
        Assert.Empty(firstPage.Hits.Select(hit => hit.Article.Id).Intersect(secondPage.Hits.Select(hit => hit.Article.Id)));
    }

    [Fact]
    public async Task Relevance_PutsTitleMatchesFirst()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Take = 3 }, Cancel);

        Assert.All(result.Hits, hit => Assert.Contains("Kosovo", hit.Article.Article.Title, StringComparison.OrdinalIgnoreCase));
        Assert.True(result.Hits[0].Score >= result.Hits[^1].Score);
    }

    [Fact]
    public async Task Highlights_MarkTheMatchedWord_AndAreMadeOfTheOriginalText()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "independence AND Kosovo", Take = 20 }, Cancel);

        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, hit =>
        {
            Assert.NotEmpty(hit.Snippets);
            var original = hit.Article.Article.Title + "\n" + hit.Article.Article.Body;
            Assert.All(hit.Snippets, snippet => Assert.Contains(snippet.PlainText, original, StringComparison.Ordinal));
            var matches = hit.Snippets.SelectMany(snippet => snippet.Parts).Where(part => part.IsMatch).Select(part => part.Text).ToList();
            Assert.Contains(matches, match => match.Contains("Kosovo", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Highlights_PassMarkupInTheText_ThroughAsPlainText()
    {
        var engine = await CreateEmptyEngineAsync();
        var body = "Police in <b>Mitrovica</b> & \"north\" Kosovo report calm; <script>alert(1)</script> was in the feed.";
        var article = Corpus[0] with { Article = Corpus[0].Article with { Paragraphs = [body] } };
        await engine.Index.IndexAsync([article], Cancel);

        var hit = Assert.Single((await engine.Search.SearchAsync(new ArticleQuery { Text = "Mitrovica" }, Cancel)).Hits);

        var snippet = Assert.Single(hit.Snippets);
        Assert.Equal(body, snippet.PlainText);
        Assert.Equal(new SnippetPart("Mitrovica", true), Assert.Single(snippet.Parts, part => part.IsMatch));
    }

    [Fact]
    public async Task Highlights_FollowStemming_AndMarkOnlyWordsOfThatStem()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "protesters", Take = 50 }, Cancel);

        Assert.NotEmpty(result.Hits);
        var matches = result.Hits.SelectMany(hit => hit.Snippets).SelectMany(snippet => snippet.Parts).Where(part => part.IsMatch);
        Assert.All(matches, match => Assert.StartsWith("protest", match.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Coverage_ByYear_SpansTheCorpus_WithContinuousBuckets()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Year), Cancel);

        Assert.Equal(DateInterval.Year, trend.Interval);
        Assert.Equal(new DateOnly(2002, 1, 1), trend.Total[0].Start);
        Assert.Equal(new DateOnly(2026, 1, 1), trend.Total[^1].Start);
        Assert.Equal(Enumerable.Range(2002, 25).Select(year => new DateOnly(year, 1, 1)), trend.Total.Select(bucket => bucket.Start));
        Assert.Equal(Corpus.Count, trend.Total.Sum(bucket => bucket.Count));
        Assert.Equal(Corpus.Count(article => DemoCorpus.DateOf(article).Year == 2008), trend.Total[6].Count);
        Assert.Equal(0, trend.UndatedCount);
    }

    [Fact]
    public async Task Coverage_ByMonth_ShowsKosovosIndependence_InFebruary2008()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Month, MaxCountries: 3), Cancel);

        Assert.Equal(3, trend.Countries.Count);
        var kosovo = Assert.Single(trend.Countries, series => series.CountryCode == "XK");
        Assert.Equal(trend.Total.Select(bucket => bucket.Start), kosovo.Buckets.Select(bucket => bucket.Start));
        var february2008 = Assert.Single(kosovo.Buckets, bucket => bucket.Start == new DateOnly(2008, 2, 1));
        var averageMonth = kosovo.Buckets.Average(bucket => bucket.Count);
        Assert.True(february2008.Count > 3 * averageMonth, $"{february2008.Count} vs an average month of {averageMonth:0.00}");
        Assert.Equal(
            Corpus.Count(article => DemoCorpus.HasCountry(article, "XK") && DemoCorpus.DateOf(article) is { Year: 2008, Month: 2 }),
            february2008.Count);
        Assert.All(kosovo.Buckets.Where(bucket => bucket.Count == 0), bucket => Assert.Null(bucket.AverageTension));
    }

    [Fact]
    public async Task Coverage_FollowsTheFilter_AndAveragesTension()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { Countries = ["XK"] }, DateInterval.Year), Cancel);

        var tagged = Corpus.Where(article => DemoCorpus.HasCountry(article, "XK")).ToList();
        Assert.Equal(tagged.Count, trend.Total.Sum(bucket => bucket.Count));
        Assert.Equal("XK", trend.Countries[0].CountryCode);
        Assert.Equal(trend.Total.Select(bucket => bucket.Count), trend.Countries[0].Buckets.Select(bucket => bucket.Count));
        var in2008 = tagged.Where(article => DemoCorpus.DateOf(article).Year == 2008).ToList();
        var bucket2008 = Assert.Single(trend.Total, bucket => bucket.Start.Year == 2008);
        Assert.Equal(in2008.Average(article => article.Tags.Tension.Value), bucket2008.AverageTension!.Value, 6);
    }

    [Fact]
    public async Task Coverage_ByWeek_StartsOnMondays()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { From = new DateOnly(2008, 1, 1), To = new DateOnly(2008, 3, 31) }, DateInterval.Week), Cancel);

        Assert.All(trend.Total, bucket => Assert.Equal(DayOfWeek.Monday, bucket.Start.DayOfWeek));
        Assert.All(trend.Total.Zip(trend.Total.Skip(1)), pair => Assert.Equal(pair.First.Start.AddDays(7), pair.Second.Start));
    }

    [Fact]
    public async Task Coverage_OfNothing_IsEmpty()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { Text = "zzyzxnotaword" }, DateInterval.Month), Cancel);

        Assert.Empty(trend.Total);
        Assert.Empty(trend.Countries);
        Assert.Equal(0, trend.UndatedCount);
    }

    [Fact]
    public async Task UndatedArticles_AreChartedByIngestDate_AndCounted()
    {
        var engine = await CreateEmptyEngineAsync();
        var undated = Corpus[0] with { Article = Corpus[0].Article with { Published = null } };
        await engine.Index.IndexAsync([undated, Corpus[1]], Cancel);

        var trend = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Year), Cancel);
        var april2026 = await TotalAsync(engine, new ArticleQuery { From = new DateOnly(2026, 4, 1), To = new DateOnly(2026, 4, 1) });

        Assert.Equal(1, trend.UndatedCount);
        Assert.Equal(new DateOnly(2026, 1, 1), trend.Total[^1].Start);
        Assert.Equal(1, trend.Total[^1].Count);
        Assert.Equal(1, april2026);
    }

    [Fact]
    public async Task FindExisting_ReturnsOnlyTheIndexedIds()
    {
        var engine = await CreateEmptyEngineAsync();
        var indexed = Corpus.Take(10).ToList();
        var unknown = Corpus.Skip(10).Take(5).Select(article => article.Id).ToList();
        await engine.Index.IndexAsync(indexed, Cancel);

        var existing = await engine.Index.FindExistingAsync([.. indexed.Take(3).Select(a => a.Id), .. unknown], Cancel);

        Assert.Equal(indexed.Take(3).Select(article => article.Id).ToHashSet(), existing);
        Assert.Empty(await engine.Index.FindExistingAsync([], Cancel));
    }

    [Fact]
    public async Task Get_ReturnsTheWholeArticle_WithItsTags()
    {
        var engine = await CreateEmptyEngineAsync();
        var original = RichArticle();
        await engine.Index.IndexAsync([original], Cancel);

        var loaded = await engine.Search.GetAsync(original.Id, Cancel);

        Assert.NotNull(loaded);
        AssertSameArticle(original, loaded);
        Assert.Null(await engine.Search.GetAsync(Corpus[0].Id, Cancel));
    }

    [Fact]
    public async Task Hits_CarryTheWholeArticle_WithItsTags()
    {
        var engine = await CreateEmptyEngineAsync();
        var original = RichArticle();
        await engine.Index.IndexAsync([original, .. Corpus.Take(20)], Cancel);

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Shoigu", Countries = ["RS"] }, Cancel);

        AssertSameArticle(original, Assert.Single(result.Hits).Article);
    }

    [Fact]
    public async Task Reindexing_AnArticle_ReplacesItsTags()
    {
        var engine = await CreateEmptyEngineAsync();
        var article = Corpus[0];
        await engine.Index.IndexAsync([article], Cancel);
        var retagged = article with { Tags = article.Tags with { Countries = [new CountryTag("ME", "Montenegro", 1, ["Montenegro"])] } };

        await engine.Index.IndexAsync([retagged], Cancel);

        Assert.Equal(1, await engine.Search.CountAsync(Cancel));
        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Countries = ["ME"] }));
        Assert.Equal("ME", Assert.Single((await engine.Search.GetAsync(article.Id, Cancel))!.Tags.Countries).Code);
    }

    /// <summary>The example article from seeds/articles, with every kind of tag and an undated twin field set.</summary>
    protected static EnrichedArticle RichArticle()
    {
        var article = new Article
        {
            Id = ArticleId.ForUrl(new Uri("https://www.rferl.org/a/russian-defense-minister-visits-serbia/30438447.html")),
            Title = "Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans",
            Paragraphs =
            [
                "Serbian-Russian military cooperation is on an “upward trend”, Serbia’s Defense Ministry said after hosting Sergei Shoigu.",
                "Serbia wants a strong army, Serbian Defense Minister Aleksandar Vulin said.",
            ],
            Credit = "With reporting by TASS",
            Source = "RFE/RL",
            Language = "en",
            Url = new Uri("https://www.rferl.org/a/russian-defense-minister-visits-serbia/30438447.html"),
            Published = new DateTimeOffset(2020, 2, 17, 18, 30, 0, TimeSpan.FromHours(1)),
            IngestedAt = new DateTimeOffset(2026, 4, 2, 9, 15, 0, TimeSpan.Zero),
        };
        var tags = new ArticleTags
        {
            Countries = [new CountryTag("RS", "Serbia", 6, ["Serbia", "Serbian", "Belgrade"]), new CountryTag("RU", "Russia", 3, ["Russian"])],
            Topics = [new TopicTag("military-cooperation", "Military cooperation", 2.5, ["military cooperation", "army"])],
            People = [new PersonTag("Sergei Shoigu", 2), new PersonTag("Aleksandar Vulin", 1)],
            Tension = new TensionScore(37.5, [new TensionEvidence("heightened tensions", 12.5, 1), new TensionEvidence("army", 5, 1)]),
        };
        return new EnrichedArticle(article, tags);
    }

    private static void AssertSameArticle(EnrichedArticle expected, EnrichedArticle actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Article with { Paragraphs = Array.Empty<string>() }, actual.Article with { Paragraphs = Array.Empty<string>() });
        Assert.Equal(expected.Article.Paragraphs, actual.Article.Paragraphs);
        Assert.Equal(expected.Article.Published, actual.Article.Published);
        Assert.Equal(expected.Article.Published!.Value.Offset, actual.Article.Published!.Value.Offset);
        Assert.Equal(
            expected.Tags.Countries.Select(c => (c.Code, c.Name, c.Mentions, string.Join('|', c.Evidence))),
            actual.Tags.Countries.Select(c => (c.Code, c.Name, c.Mentions, string.Join('|', c.Evidence))));
        Assert.Equal(
            expected.Tags.Topics.Select(t => (t.Id, t.Label, t.Score, string.Join('|', t.Evidence))),
            actual.Tags.Topics.Select(t => (t.Id, t.Label, t.Score, string.Join('|', t.Evidence))));
        Assert.Equal(expected.Tags.People, actual.Tags.People);
        Assert.Equal(expected.Tags.Tension.Value, actual.Tags.Tension.Value);
        Assert.Equal(expected.Tags.Tension.Evidence, actual.Tags.Tension.Evidence);
    }

    private async Task<SearchEngineUnderTest> CorpusEngineAsync()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync(Corpus, Cancel);
        return engine;
    }

    private static async Task<long> TotalAsync(SearchEngineUnderTest engine, ArticleQuery query) =>
        (await engine.Search.SearchAsync(query with { Take = 0 }, Cancel)).Total;
}

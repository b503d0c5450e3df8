namespace Monitoring.Search.Tests;

/// <summary>Filters beyond country and topic (about-countries, people, tension, dates on either basis, story) and the sorts.</summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task CountryMode_About_KeepsOnlyArticlesAboutTheCountry_AndCountsThoseInTheFacet()
    {
        var engine = await CorpusEngineAsync();
        var about = Corpus.Count(article => DemoCorpus.IsAbout(article, "XK"));
        var mentioned = Corpus.Count(article => DemoCorpus.HasCountry(article, "XK"));

        var result = await engine.Search.SearchAsync(new ArticleQuery { Countries = ["XK"], CountryMode = CountryMode.About, Take = 0 }, Cancel);

        Assert.InRange(about, 1, mentioned - 1);
        Assert.Equal(about, result.Total);
        Assert.Contains(new FacetCount("XK", about), result.Facets.Countries);
        Assert.Contains(new FacetCount("RS", Corpus.Count(article => DemoCorpus.IsAbout(article, "RS"))), result.Facets.Countries);
        Assert.Equal(about, await TotalAsync(engine, new ArticleQuery { Text = "about:xk" }));
    }

    [Fact]
    public async Task PeopleFilter_MatchesTheTaggedName_AnyOfSeveral()
    {
        var engine = await CorpusEngineAsync();
        const string Milosevic = "Slobodan Milošević";
        const string Karadzic = "Radovan Karadžić";

        var one = await TotalAsync(engine, new ArticleQuery { People = [Milosevic] });
        var either = await TotalAsync(engine, new ArticleQuery { People = [Milosevic, Karadzic] });

        Assert.Equal(Corpus.Count(article => DemoCorpus.HasPerson(article, Milosevic)), one);
        Assert.Equal(Corpus.Count(article => DemoCorpus.HasPerson(article, Milosevic) || DemoCorpus.HasPerson(article, Karadzic)), either);
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { People = ["slobodan milošević"] }));
        Assert.Equal(one, await TotalAsync(engine, new ArticleQuery { Text = "person:milosevic" }));
    }

    [Fact]
    public async Task TensionRange_IsInclusiveAtBothEnds()
    {
        var engine = await CorpusEngineAsync();

        Assert.Equal(
            Corpus.Count(article => article.Tags.Tension.Value >= 20),
            await TotalAsync(engine, new ArticleQuery { MinTension = 20 }));
        Assert.Equal(
            Corpus.Count(article => article.Tags.Tension.Value <= 0),
            await TotalAsync(engine, new ArticleQuery { MaxTension = 0 }));
        Assert.Equal(
            Corpus.Count(article => article.Tags.Tension.Value is >= 10 and <= 20),
            await TotalAsync(engine, new ArticleQuery { MinTension = 10, MaxTension = 20 }));
    }

    [Fact]
    public async Task StoryFilter_ReturnsTheFirstArticleAndItsCopies_Only()
    {
        var engine = await CreateEmptyEngineAsync();
        var first = Headline("Belgrade and Pristina agree on licence plates");
        var copy = Headline("Belgrade, Pristina agree on plates", source: "Wire") with { };
        copy = copy with { Article = copy.Article with { StoryId = first.Id } };
        var another = Headline("Pristina and Belgrade: plates deal reached", source: "Other");
        another = another with { Article = another.Article with { StoryId = first.Id } };
        var unrelated = Headline("Belgrade marathon draws record crowd");
        await engine.Index.IndexAsync([first, copy, another, unrelated], Cancel);

        var result = await engine.Search.SearchAsync(new ArticleQuery { StoryId = first.Id }, Cancel);

        Assert.Equal(
            new[] { first.Id, copy.Id, another.Id }.ToHashSet(),
            result.Hits.Select(hit => hit.Article.Id).ToHashSet());
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { StoryId = unrelated.Id, Text = "plates" }));
    }

    [Fact]
    public async Task LanguageFilter_IgnoresCase()
    {
        var engine = await CreateEmptyEngineAsync();
        var serbian = Headline("Vlada usvojila budžet") with { };
        serbian = serbian with { Article = serbian.Article with { Language = "sr" } };
        await engine.Index.IndexAsync([serbian, Headline("Government adopts budget")], Cancel);

        Assert.Equal(1, await TotalAsync(engine, new ArticleQuery { Languages = ["SR"] }));
        Assert.Equal(2, await TotalAsync(engine, new ArticleQuery { Languages = ["sr", "en"] }));
    }

    [Fact]
    public async Task DateRange_ReadsDaysInTheQueryTimeZone()
    {
        var engine = await CreateEmptyEngineAsync();

        // 23:30 UTC on 1 June is 01:30 on 2 June in Belgrade (summer time, UTC+2).
        var lateEvening = AtInstant("Late news from Brussels", new DateTimeOffset(2025, 6, 1, 23, 30, 0, TimeSpan.Zero));
        await engine.Index.IndexAsync([lateEvening], Cancel);

        var belgradeJune2 = new ArticleQuery { From = new DateOnly(2025, 6, 2), To = new DateOnly(2025, 6, 2) };
        Assert.Equal(1, await TotalAsync(engine, belgradeJune2));
        Assert.Equal(0, await TotalAsync(engine, belgradeJune2 with { TimeZone = "UTC" }));
        Assert.Equal(1, await TotalAsync(engine, belgradeJune2 with { TimeZone = "UTC", From = new DateOnly(2025, 6, 1), To = new DateOnly(2025, 6, 1) }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { To = new DateOnly(2025, 6, 1) }));
    }

    [Fact]
    public async Task DateBasis_Ingested_FiltersAndSortsByIngestTime()
    {
        var engine = await CreateEmptyEngineAsync();
        var oldNewsLateIngest = AtInstant("Archive: 1999 talks", new DateTimeOffset(1999, 2, 6, 10, 0, 0, TimeSpan.Zero), ingested: new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero));
        var freshNewsEarlyIngest = AtInstant("Fresh: talks resume", new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), ingested: new DateTimeOffset(2025, 3, 1, 10, 5, 0, TimeSpan.Zero));
        await engine.Index.IndexAsync([oldNewsLateIngest, freshNewsEarlyIngest], Cancel);

        var ingestedInMarch10 = new ArticleQuery { DateBasis = DateBasis.Ingested, From = new DateOnly(2025, 3, 10), To = new DateOnly(2025, 3, 10) };
        var byIngest = await engine.Search.SearchAsync(new ArticleQuery { DateBasis = DateBasis.Ingested, Sort = SearchSort.Newest }, Cancel);
        var byPublication = await engine.Search.SearchAsync(new ArticleQuery { Sort = SearchSort.Newest }, Cancel);

        Assert.Equal(oldNewsLateIngest.Id, Assert.Single((await engine.Search.SearchAsync(ingestedInMarch10, Cancel)).Hits).Article.Id);
        Assert.Equal([oldNewsLateIngest.Id, freshNewsEarlyIngest.Id], byIngest.Hits.Select(hit => hit.Article.Id));
        Assert.Equal([freshNewsEarlyIngest.Id, oldNewsLateIngest.Id], byPublication.Hits.Select(hit => hit.Article.Id));
    }

    [Fact]
    public async Task Sort_Tension_PutsTheTensestFirst_NewerFirstAmongEquals()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Tension, Take = 60 }, Cancel);

        var expected = Corpus
            .Where(article => DemoCorpus.Mentions(article, "Kosovo"))
            .OrderByDescending(article => article.Tags.Tension.Value)
            .ThenByDescending(article => article.Article.EffectiveDate)
            .Take(60)
            .Select(article => (article.Tags.Tension.Value, article.Article.EffectiveDate));
        Assert.Equal(expected, result.Hits.Select(hit => (hit.Article.Tags.Tension.Value, hit.Article.Article.EffectiveDate)));
        Assert.True(result.Hits[0].Article.Tags.Tension.Value > result.Hits[^1].Article.Tags.Tension.Value);
    }

    private static EnrichedArticle AtInstant(string headline, DateTimeOffset published, DateTimeOffset? ingested = null)
    {
        var article = Headline(headline);
        return article with { Article = article.Article with { Published = published, IngestedAt = ingested ?? published.AddMinutes(5) } };
    }
}

namespace Monitoring.Search.Tests;

/// <summary>Facets are disjunctive: each one counts the query without its own filter.</summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task Facets_EachCountTheQueryWithoutTheirOwnFilter()
    {
        var engine = await CorpusEngineAsync();
        const string Milosevic = "Slobodan Milošević";
        var query = new ArticleQuery { Countries = ["RS", "HR"], Topics = ["elections"], People = [Milosevic], Take = 0 };
        bool InCountries(EnrichedArticle article) => DemoCorpus.HasCountry(article, "RS") || DemoCorpus.HasCountry(article, "HR");
        bool InTopics(EnrichedArticle article) => DemoCorpus.HasTopic(article, "elections");
        bool WithPeople(EnrichedArticle article) => DemoCorpus.HasPerson(article, Milosevic);

        var result = await engine.Search.SearchAsync(query, Cancel);

        Assert.Equal(Corpus.Count(article => InCountries(article) && InTopics(article) && WithPeople(article)), result.Total);
        Assert.Equal(
            Expected(Corpus.Where(article => InTopics(article) && WithPeople(article)), article => article.Tags.Countries.Select(country => country.Code)),
            result.Facets.Countries);
        Assert.Equal(
            Expected(Corpus.Where(article => InCountries(article) && WithPeople(article)), article => article.Tags.Topics.Select(topic => topic.Id)),
            result.Facets.Topics);
        Assert.Equal(
            Expected(Corpus.Where(article => InCountries(article) && InTopics(article)), article => article.Tags.People.Select(person => person.Name)),
            result.Facets.People);
        Assert.Equal(
            Expected(Corpus.Where(article => InCountries(article) && InTopics(article) && WithPeople(article)), article => [article.Article.Language]),
            result.Facets.Languages);
        Assert.True(result.Facets.People.Count > 1, "the people facet keeps the other people visible");
    }

    [Fact]
    public async Task PeopleFacet_CountsTaggedNames_ForTheText()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "tribunal", Take = 0 }, Cancel);

        // The stem also finds the plural.
        var matching = Corpus.Where(article => DemoCorpus.Mentions(article, "tribunal") || DemoCorpus.Mentions(article, "tribunals")).ToList();
        Assert.Equal(matching.Count, result.Total);
        Assert.Equal(Expected(matching, article => article.Tags.People.Select(person => person.Name)), result.Facets.People);
        Assert.Contains(result.Facets.People, facet => facet.Value == "Radovan Karadžić");
    }

    [Fact]
    public async Task CountryFacet_OfASearchFilteredOnlyByCountry_CountsEveryArticle()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Countries = ["XK"], Take = 0 }, Cancel);

        Assert.Equal(Corpus.Count(article => DemoCorpus.HasCountry(article, "XK")), result.Total);
        Assert.Equal(Expected(Corpus, article => article.Tags.Countries.Select(country => country.Code)), result.Facets.Countries);
    }

    [Fact]
    public async Task CountryFacet_OfASearchFilteredOnlyByCountry_ForgetsTheCountriesAnUpdatedArticleLost()
    {
        var engine = await CreateEmptyEngineAsync();
        var serbian = Corpus.First(article => DemoCorpus.HasCountry(article, "RS"));
        var others = Corpus.Where(article => article.Id != serbian.Id).Take(40).ToList();
        await engine.Index.IndexAsync([serbian, .. others], Cancel);
        var moved = serbian with
        {
            Tags = serbian.Tags with { Countries = [new CountryTag("MD", "Moldova", 1, ["Chișinău"]) { IsAbout = true }] },
        };

        await engine.Index.IndexAsync([moved], Cancel);
        var result = await engine.Search.SearchAsync(new ArticleQuery { Countries = ["MD"], Take = 0 }, Cancel);

        Assert.Equal(1, result.Total);
        var now = others.Append(moved).ToList();
        Assert.Equal(Expected(now, article => article.Tags.Countries.Select(country => country.Code)), result.Facets.Countries);
        Assert.Equal(others.LongCount(article => DemoCorpus.HasCountry(article, "RS")), result.Facets.Countries.SingleOrDefault(facet => facet.Value == "RS")?.Count ?? 0);
    }

    private static List<FacetCount> Expected(IEnumerable<EnrichedArticle> articles, Func<EnrichedArticle, IEnumerable<string>> values) =>
        [.. articles
            .SelectMany(article => values(article).Distinct())
            .GroupBy(value => value, StringComparer.Ordinal)
            .Select(group => new FacetCount(group.Key, group.LongCount()))
            .OrderByDescending(facet => facet.Count)
            .ThenBy(facet => facet.Value, StringComparer.Ordinal)
            .Take(50)];
}

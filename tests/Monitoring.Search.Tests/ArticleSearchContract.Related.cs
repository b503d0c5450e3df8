namespace Monitoring.Search.Tests;

/// <summary>More-like-this and search-as-you-type suggestions.</summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task MoreLikeThis_FindsTheArticleSharingItsRareWords_NeverItself()
    {
        var engine = await CorpusEngineAsync();
        var reopening = Headline("Ibar bridge in Mitrovica reopens to traffic after talks");
        var closure = Headline("Mitrovica bridge over the Ibar stays closed", source: "Other");
        var tennis = Headline("Djokovic wins the final in Belgrade");
        await engine.Index.IndexAsync([reopening, closure, tennis], Cancel);

        var similar = await engine.Search.MoreLikeThisAsync(reopening.Id, take: 5, cancellationToken: Cancel);
        var fromTest = await engine.Search.MoreLikeThisAsync(reopening.Id, new ArticleQuery { Sources = ["Test"] }, 5, Cancel);

        Assert.Equal(closure.Id, similar[0].Article.Id);
        Assert.DoesNotContain(similar, hit => hit.Article.Id == reopening.Id);
        Assert.DoesNotContain(fromTest, hit => hit.Article.Id == closure.Id || hit.Article.Id == reopening.Id);
        Assert.Empty(await engine.Search.MoreLikeThisAsync(Headline("not indexed").Id, cancellationToken: Cancel));
    }

    [Theory]
    [InlineData("vuc")]
    [InlineData("Vuč")]
    [InlineData("ВУЧ")]
    public async Task Suggest_FindsPeopleByAnyWordOfTheirName_InEitherScript(string prefix)
    {
        var engine = await CorpusEngineAsync();

        var suggestions = await engine.Search.SuggestAsync(prefix, cancellationToken: Cancel);

        var vucic = Assert.Single(suggestions);
        Assert.Equal(new Suggestion(SuggestionKind.Person, "Aleksandar Vučić", "Aleksandar Vučić", Corpus.Count(a => DemoCorpus.HasPerson(a, "Aleksandar Vučić"))), vucic);
    }

    [Fact]
    public async Task Suggest_MixesCountriesPeopleAndTopics_MostFrequentFirst()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync([RichArticle(), .. Corpus], Cancel);

        var ser = await engine.Search.SuggestAsync("ser", cancellationToken: Cancel);
        var byCode = await engine.Search.SuggestAsync("xk", cancellationToken: Cancel);
        var topic = await engine.Search.SuggestAsync("milit", cancellationToken: Cancel);

        Assert.Equal(
            [
                new Suggestion(SuggestionKind.Country, "RS", "Serbia", Corpus.Count(a => DemoCorpus.HasCountry(a, "RS")) + 1),
                new Suggestion(SuggestionKind.Person, "Sergei Shoigu", "Sergei Shoigu", 1),
            ],
            ser);
        Assert.Equal(new Suggestion(SuggestionKind.Country, "XK", "Kosovo", Corpus.Count(a => DemoCorpus.HasCountry(a, "XK"))), Assert.Single(byCode));
        Assert.Equal(new Suggestion(SuggestionKind.Topic, "military-cooperation", "military-cooperation", 1), Assert.Single(topic));
        Assert.Empty(await engine.Search.SuggestAsync("  ", cancellationToken: Cancel));
        Assert.Single(await engine.Search.SuggestAsync("ser", take: 1, cancellationToken: Cancel));
    }
}

namespace Monitoring.Search.Tests;

/// <summary>"N stories from M outlets": distinct stories and sources over every matching article.</summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task DistinctStoriesAndSources_CountEveryMatchingArticle_NotThePage()
    {
        var engine = await CreateEmptyEngineAsync();
        var (plates, copy, another, marathon, budget, budgetCopy) = StoryArticles();

        // Copies indexed apart from the articles they copy (in Lucene: other segments).
        await engine.Index.IndexAsync([plates, marathon, budget], Cancel);
        await engine.Index.IndexAsync([copy, another, budgetCopy], Cancel);

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Belgrade", Take = 1 }, Cancel);

        // Belgrade is in plates, its two copies, the marathon and the copy of the budget story (whose
        // first article does not say Belgrade): 5 articles of 3 stories from Test, Wire and Other.
        Assert.Equal(5, result.Total);
        Assert.Single(result.Hits);
        Assert.Equal(3, result.DistinctStories);
        Assert.Equal(3, result.DistinctSources);
    }

    [Fact]
    public async Task DistinctCounts_FollowEveryFilter_IncludingTheSourceFacetsOwn()
    {
        var engine = await CreateEmptyEngineAsync();
        var (plates, copy, another, marathon, budget, budgetCopy) = StoryArticles();
        await engine.Index.IndexAsync([plates, copy, another, marathon, budget, budgetCopy], Cancel);

        var fromWire = await engine.Search.SearchAsync(new ArticleQuery { Sources = ["Wire"], Take = 0 }, Cancel);
        var ofOneStory = await engine.Search.SearchAsync(new ArticleQuery { StoryId = plates.Id, Take = 0 }, Cancel);
        var nothing = await engine.Search.SearchAsync(new ArticleQuery { Text = "zzyzxnotaword" }, Cancel);

        // Wire carries the copy of plates and the copy of budget: 2 stories, 1 outlet, although the
        // (disjunctive) source facet still lists the other outlets.
        Assert.Equal(2, fromWire.Total);
        Assert.Equal(2, fromWire.DistinctStories);
        Assert.Equal(1, fromWire.DistinctSources);
        Assert.Equal(3, fromWire.Facets.Sources.Count);
        Assert.Equal(3, ofOneStory.Total);
        Assert.Equal(1, ofOneStory.DistinctStories);
        Assert.Equal(3, ofOneStory.DistinctSources);
        Assert.Equal(0, nothing.DistinctStories);
        Assert.Equal(0, nothing.DistinctSources);
    }

    [Fact]
    public async Task DistinctCounts_OverTheDemoCorpus_MatchTheCorpus()
    {
        var engine = await CorpusEngineAsync();

        var result = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo", Take = 5 }, Cancel);

        // No demo article belongs to another's story: each is a story of its own.
        var kosovo = Corpus.Where(article => DemoCorpus.Mentions(article, "Kosovo")).ToList();
        Assert.All(kosovo, article => Assert.Null(article.Article.StoryId));
        Assert.Equal(kosovo.Count, result.DistinctStories);
        Assert.Equal(kosovo.Select(article => article.Article.Source).Distinct(StringComparer.Ordinal).Count(), result.DistinctSources);
    }

    /// <summary>
    /// Two stories with copies (plates carried by Test, Wire and Other; budget by Test and Wire) and one
    /// article of its own (marathon, Test).
    /// </summary>
    private static (EnrichedArticle Plates, EnrichedArticle Copy, EnrichedArticle Another, EnrichedArticle Marathon, EnrichedArticle Budget, EnrichedArticle BudgetCopy) StoryArticles()
    {
        var plates = Headline("Belgrade and Pristina agree on licence plates");
        var copy = InStory(Headline("Belgrade, Pristina agree on plates", source: "Wire"), plates);
        var another = InStory(Headline("Pristina and Belgrade: plates deal reached", source: "Other"), plates);
        var marathon = Headline("Belgrade marathon draws record crowd");
        var budget = Headline("Sarajevo adopts the state budget");
        var budgetCopy = InStory(Headline("Belgrade hears Sarajevo adopted its budget", source: "Wire"), budget);
        return (plates, copy, another, marathon, budget, budgetCopy);
    }

    private static EnrichedArticle InStory(EnrichedArticle article, EnrichedArticle first) =>
        article with { Article = article.Article with { StoryId = first.Id } };
}

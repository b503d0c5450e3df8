using Monitoring.Core.Articles;

namespace Monitoring.Search.Tests;

/// <summary>
/// Coverage split by outlet groups (<see cref="CoverageQuery.SplitByOutletGroups"/>): the side-by-side comparison of
/// one search in one call. The demo corpus's articles are dealt to outlets in turn (groups 1 and 2, group 3, no
/// group); every expected figure is counted from the corpus lines and that rule.
/// </summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task CoverageSplitByOutletGroups_CountsEachGroupsMatchesTenseMatchesAndTopics_PerBucket_InTheOrderAsked()
    {
        var engine = await CreateEmptyEngineAsync();
        var dealt = Corpus.Select((article, i) => DealtTo(article, DealtOutlet(i))).ToList();
        await engine.Index.IndexAsync(dealt, Cancel);
        bool Kosovo(EnrichedArticle article) => DemoCorpus.Mentions(article, "Kosovo");
        bool InGroup(EnrichedArticle article, string group) => article.Article.Outlet?.Groups.Contains(group) == true;

        var trend = await engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { Text = "Kosovo" }, DateInterval.Year, MaxCountries: 0) { SplitByOutletGroups = ["3", " 1 ", "9", "3"] },
            Cancel);

        Assert.Equal(["3", "1", "9"], trend.OutletGroups.Select(series => series.GroupId));
        Assert.Equal(dealt.Count(Kosovo), trend.Total.Sum(bucket => bucket.Count));
        foreach (var series in trend.OutletGroups)
        {
            var matches = dealt.Where(article => Kosovo(article) && InGroup(article, series.GroupId)).ToList();
            Assert.Equal(trend.Total.Select(bucket => bucket.Start), series.Buckets.Select(bucket => bucket.Start));
            foreach (var bucket in series.Buckets)
            {
                var inYear = matches.Where(article => DemoCorpus.DateOf(article).Year == bucket.Start.Year).ToList();
                Assert.Equal(inYear.Count, bucket.Count);
                Assert.Equal(inYear.Count(article => article.Tags.Tension.IsTense), bucket.TenseCount);
            }

            var elections = matches.Count(article => DemoCorpus.HasTopic(article, "elections"));
            FacetCount[] topics = elections == 0 ? [] : [new FacetCount("elections", elections)];
            Assert.Equal(topics, series.Topics);
        }

        // The figures must mean something: both real groups have matches, some tense, some on elections; the unknown group none.
        Assert.All(trend.OutletGroups.Take(2), series => Assert.True(series.Total > 10 && series.Buckets.Sum(bucket => bucket.TenseCount) > 0 && series.Topics.Count == 1));
        Assert.Equal(0, trend.OutletGroups[2].Total);
    }

    [Fact]
    public async Task CoverageSplitByOutletGroups_CountsWithinTheFilter_AndSplitsByNoneUnlessAsked()
    {
        var engine = await CreateEmptyEngineAsync();
        var dealt = Corpus.Select((article, i) => DealtTo(article, DealtOutlet(i))).ToList();
        await engine.Index.IndexAsync(dealt, Cancel);

        var elections = await engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { Topics = ["elections"], OutletGroups = ["2", "3"] }, DateInterval.Month, MaxCountries: 0) { SplitByOutletGroups = ["1", "3"] },
            Cancel);
        var plain = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Month, MaxCountries: 0), Cancel);

        // Groups 1 and 2 hold the same outlets, so the filter on 2 keeps all of group 1's election articles.
        Assert.Equal(dealt.Count(article => DemoCorpus.HasTopic(article, "elections") && article.Article.Outlet?.Groups.Contains("1") == true), elections.OutletGroups[0].Total);
        Assert.Equal(dealt.Count(article => DemoCorpus.HasTopic(article, "elections") && article.Article.Outlet?.Groups.Contains("3") == true), elections.OutletGroups[1].Total);
        Assert.Equal(elections.OutletGroups[0].Total + elections.OutletGroups[1].Total, elections.Total.Sum(bucket => bucket.Count));
        Assert.Empty(plain.OutletGroups);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery(), DateInterval.Year) { SplitByOutletGroups = [.. Enumerable.Range(1, CoverageQuery.MaxOutletGroupSplits + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] },
            Cancel));
    }

    /// <summary>The i-th article's outlet: in groups 1 and 2, in group 3, or in none, in turn.</summary>
    private static ArticleOutlet? DealtOutlet(int i) => (i % 3) switch
    {
        0 => new ArticleOutlet { Country = "RS", Kind = OutletKind.PublicBroadcaster, Groups = ["1", "2"] },
        1 => new ArticleOutlet { Country = "XK", Kind = OutletKind.Portal, Groups = ["3"] },
        _ => null,
    };

    private static EnrichedArticle DealtTo(EnrichedArticle article, ArticleOutlet? outlet) =>
        outlet is null ? article : article with { Article = article.Article with { Outlet = outlet } };
}

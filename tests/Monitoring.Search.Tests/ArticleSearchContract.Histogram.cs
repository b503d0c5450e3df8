namespace Monitoring.Search.Tests;

/// <summary>The date histogram: days in a time zone (DST included), empty buckets, tense counts and country series.</summary>
public abstract partial class ArticleSearchContract
{
    [Fact]
    public async Task Histogram_BucketsDaysAtBelgradeMidnight_AcrossTheAutumnClockChange()
    {
        var engine = await CreateEmptyEngineAsync();

        // Belgrade leaves summer time at 03:00 on 26 October 2025 (UTC+2 → UTC+1).
        await engine.Index.IndexAsync(
        [
            AtInstant("Half past midnight, summer time", new DateTimeOffset(2025, 10, 25, 22, 30, 0, TimeSpan.Zero)), // 26 Oct 00:30
            AtInstant("Half past eleven, winter time", new DateTimeOffset(2025, 10, 26, 22, 30, 0, TimeSpan.Zero)), // 26 Oct 23:30
            AtInstant("Half past midnight, winter time", new DateTimeOffset(2025, 10, 26, 23, 30, 0, TimeSpan.Zero)), // 27 Oct 00:30
        ],
            Cancel);
        var days = new ArticleQuery { From = new DateOnly(2025, 10, 25), To = new DateOnly(2025, 10, 28) };

        var belgrade = await engine.Search.GetCoverageAsync(new CoverageQuery(days, DateInterval.Day), Cancel);
        var utc = await engine.Search.GetCoverageAsync(new CoverageQuery(days with { TimeZone = "UTC" }, DateInterval.Day), Cancel);

        var expectedDays = new[] { new DateOnly(2025, 10, 25), new DateOnly(2025, 10, 26), new DateOnly(2025, 10, 27), new DateOnly(2025, 10, 28) };
        Assert.Equal(expectedDays, belgrade.Total.Select(bucket => bucket.Start));
        Assert.Equal([0L, 2, 1, 0], belgrade.Total.Select(bucket => bucket.Count));
        Assert.Equal(expectedDays, utc.Total.Select(bucket => bucket.Start));
        Assert.Equal([1L, 2, 0, 0], utc.Total.Select(bucket => bucket.Count));
    }

    [Fact]
    public async Task Histogram_PutsTheLastEveningOfAMonth_InTheNextMonth_WhenItIsPastMidnightInBelgrade()
    {
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync(
            [AtInstant("Last evening of March", new DateTimeOffset(2025, 3, 31, 22, 30, 0, TimeSpan.Zero))], Cancel); // 1 Apr 00:30 CEST

        var trend = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Month), Cancel);

        Assert.Equal(new DateOnly(2025, 4, 1), Assert.Single(trend.Total).Start);
    }

    [Fact]
    public async Task Histogram_CountsTenseArticles_PerBucketAndPerCountry()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Year, MaxCountries: 20), Cancel);

        foreach (var bucket in trend.Total)
        {
            var inYear = Corpus.Where(article => DemoCorpus.DateOf(article).Year == bucket.Start.Year).ToList();
            Assert.Equal(inYear.Count, bucket.Count);
            Assert.Equal(inYear.Count(article => article.Tags.Tension.IsTense), bucket.TenseCount);
        }

        Assert.Contains(trend.Total, bucket => bucket.TenseCount > 0 && bucket.TenseCount < bucket.Count);
        var kosovo = Assert.Single(trend.Countries, series => series.CountryCode == "XK");
        var kosovo2008 = Assert.Single(kosovo.Buckets, bucket => bucket.Start.Year == 2008);
        var expected = Corpus.Where(article => DemoCorpus.HasCountry(article, "XK") && DemoCorpus.DateOf(article).Year == 2008).ToList();
        Assert.Equal(expected.Count, kosovo2008.Count);
        Assert.Equal(expected.Count(article => article.Tags.Tension.IsTense), kosovo2008.TenseCount);
        Assert.Equal((double)kosovo2008.TenseCount / kosovo2008.Count, kosovo2008.TensionIndex);
        Assert.Equal(Corpus.Count(article => DemoCorpus.HasCountry(article, "XK")), kosovo.Buckets.Sum(bucket => bucket.Count));
    }

    [Fact]
    public async Task Histogram_CountrySeries_FollowTheCountryMode()
    {
        var engine = await CorpusEngineAsync();

        var trend = await engine.Search.GetCoverageAsync(
            new CoverageQuery(new ArticleQuery { CountryMode = CountryMode.About }, DateInterval.Year, MaxCountries: 20), Cancel);

        var kosovo = Assert.Single(trend.Countries, series => series.CountryCode == "XK");
        Assert.Equal(Corpus.Count(article => DemoCorpus.IsAbout(article, "XK")), kosovo.Buckets.Sum(bucket => bucket.Count));
        Assert.Equal(Corpus.Count, trend.Total.Sum(bucket => bucket.Count));
    }

    [Fact]
    public async Task Histogram_LeavesOutImplausibleDates_CountingThemApart_WhileSearchStillFindsThem()
    {
        var engine = await CreateEmptyEngineAsync();
        var ingested = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
        var dated = AtInstant("Dated: Kosovo talks resume", new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), ingested);
        var undated = Headline("Undated: Kosovo talks adjourned");
        undated = undated with { Article = undated.Article with { Published = null, IngestedAt = ingested } };
        var future = Headline("Future: Kosovo talks in 2099");
        future = future with { Article = future.Article with { Published = null, ImplausiblePublished = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), IngestedAt = ingested } };
        var ancient = Headline("Ancient: Kosovo talks in 1066");
        ancient = ancient with { Article = ancient.Article with { Published = null, ImplausiblePublished = new DateTimeOffset(1066, 10, 14, 0, 0, 0, TimeSpan.Zero), IngestedAt = ingested } };
        await engine.Index.IndexAsync([dated, undated, future, ancient], Cancel);

        var trend = await engine.Search.GetCoverageAsync(new CoverageQuery(new ArticleQuery(), DateInterval.Day), Cancel);
        var found = await engine.Search.SearchAsync(new ArticleQuery { Text = "Kosovo" }, Cancel);
        var stored = await engine.Search.GetAsync(future.Id, Cancel);

        // One bucket for 1 June (dated) and 2 June (undated, by ingest date); the flagged two are in none.
        Assert.Equal([1L, 1], trend.Total.Select(bucket => bucket.Count));
        Assert.Equal(1, trend.UndatedCount);
        Assert.Equal(2, trend.ImplausibleDateCount);
        Assert.Equal(4, found.Total);
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), stored!.Article.ImplausiblePublished);
        Assert.True(stored.Article.HasImplausibleDate);
    }
}

using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;
using static Monitoring.Web.Tests.Features.Trends.TrendSamples;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class TrendChartsTests
{
    [Fact]
    public void Coverage_InArticles_IsOneSeriesPerCountry_WithItsCounts()
    {
        var series = TrendCharts.Coverage(Sample(), Name);

        Assert.Equal(["Kosovo", "Serbia"], series.Select(s => s.Name));
        Assert.Equal(["XK", "RS"], series.Select(s => s.Key));
        Assert.Equal([4, 10, 0], series[0].Values);
        Assert.Equal([5, 0, 0], series[1].Values);
    }

    [Fact]
    public void Coverage_AsShare_DividesByAllCoverageOfTheBucket()
    {
        var series = TrendCharts.Coverage(Sample(new TrendState { Measure = TrendMeasure.Share }), Name);

        // Kosovo 4 of 10, 10 of 20; an empty month is 0, not a division by zero.
        Assert.Equal([0.4, 0.5, 0], series[0].Values);
        Assert.Equal([0.5, 0, 0], series[1].Values);
    }

    [Fact]
    public void Tension_NormalisesEachSeriesToItsOwnBasePeriodAverage()
    {
        var series = TrendCharts.Tension(Sample(), Name);

        Assert.Equal([TrendCharts.AllCoverageName, "Kosovo", "Serbia"], series.Select(s => s.Name));
        // All coverage: shares 0.2 and 0.5, base average 0.35 → 57.1 and 142.9; March has no article.
        Assert.Equal([57.1, 142.9], series[0].Values.Take(2));
        Assert.True(double.IsNaN(series[0].Values[2]));
        // Kosovo: shares 0.25 and 0.5, base average 0.375 → 66.7 and 133.3.
        Assert.Equal([66.7, 133.3], series[1].Values.Take(2));
        // Serbia never had a tense article: nothing to normalise by, so no value at all.
        Assert.All(series[2].Values, value => Assert.True(double.IsNaN(value)));
    }

    [Fact]
    public void Tension_WithABasePeriodInTheLink_UsesOnlyThatPeriodAsBase()
    {
        var data = Sample(new TrendState { BaseFrom = Jan, BaseTo = new DateOnly(2008, 1, 31) });

        var series = TrendCharts.Tension(data, Name);

        // January's share 0.2 is the base: January 100, February 0.5 / 0.2 = 250.
        Assert.Equal([100, 250], series[0].Values.Take(2));
        Assert.Equal((Jan, new DateOnly(2008, 1, 31)), TrendCharts.BasePeriod(data));
    }

    [Fact]
    public void BasePeriod_ByDefault_IsTheChartedRange()
    {
        Assert.Equal((Jan, new DateOnly(2008, 3, 31)), TrendCharts.BasePeriod(Sample()));
    }

    [Fact]
    public void TopicMix_GivesTheSixLargestTopicsTheirShareOfTags_AndSumsTheRest()
    {
        var series = TrendCharts.TopicMix(Sample(), id => "Topic " + id);

        // Totals a 4, b 3, c 2, e 2, d 1, f 1, g 1: ties go by id, so g is the one left over.
        Assert.Equal(["a", "b", "c", "e", "d", "f", null], series.Select(s => s.Key));
        Assert.Equal("Topic a", series[0].Name);
        Assert.Equal(TrendCharts.OtherTopicsName, series[^1].Name);
        // January has 10 topic tags, February 4, March none.
        Assert.Equal([0.4, 0, 0], series[0].Values);
        Assert.Equal([0, 0.5, 0], series[3].Values);
        Assert.Equal([0, 0.25, 0], series[^1].Values);
        Assert.Equal(1, series.Sum(s => s.Values[0]), 9);
        Assert.Equal(1, series.Sum(s => s.Values[1]), 9);
    }

    [Fact]
    public void ComparedQueries_GetOneSeriesEach_OnCoverageAndTension()
    {
        var state = new TrendState { Compare = ["Kosovo", "Serbia"] };
        var data = Sample(state) with
        {
            Compared = [new ComparedQuery("Kosovo", Buckets((4, 1), (10, 5), (0, 0))), new ComparedQuery("Serbia", Buckets((5, 0), (5, 5), (0, 0)))],
        };

        var coverage = TrendCharts.Coverage(data, Name);
        var tension = TrendCharts.Tension(data, Name);

        Assert.Equal(["Kosovo", "Serbia"], coverage.Select(s => s.Key));
        Assert.Equal([5, 5, 0], coverage[1].Values);
        Assert.Equal(["Kosovo", "Serbia"], tension.Select(s => s.Key));
        // Serbia: shares 0 and 1, base 0.5 → 0 and 200.
        Assert.Equal([0, 200], tension[1].Values.Take(2));
    }

    [Fact]
    public void ARollingMean_PoolsTheWindowsArticles_ForCountsSharesAndTheIndex()
    {
        var data = Sample(new TrendState { Rolling = 2 });

        var coverage = TrendCharts.Coverage(data, Name);
        var tension = TrendCharts.Tension(data, Name);

        // Kosovo 4, 10, 0 → means over two months: 4, 7, 5.
        Assert.Equal([4, 7, 5], coverage[0].Values);
        // All coverage pooled: Jan 2 of 10, Jan–Feb 12 of 30, Feb–Mar 10 of 20; shares .2, .4, .5, base average 1.1/3.
        Assert.Equal([10L, 30, 20], tension[0].Support);
        Assert.Equal([54.5, 109.1, 136.4], tension[0].Values.Select(value => Math.Round(value, 1)));
    }

    [Fact]
    public void TheTensionIndex_CarriesHowManyArticlesEachPointRestsOn()
    {
        var tension = TrendCharts.Tension(Sample(), Name);

        Assert.Equal([10L, 20, 0], tension[0].Support);
        Assert.Equal([4L, 10, 0], tension[1].Support);
        Assert.True(tension[1].IsUncertain(0, TrendCharts.MinArticlesForIndex));
        Assert.False(tension[1].IsUncertain(1, TrendCharts.MinArticlesForIndex));
    }

    [Fact]
    public void SmallMultiples_ShareTheHighestValue_LeavingOutUncertainOnes()
    {
        var tension = TrendCharts.Tension(Sample(), Name);

        // Kosovo's 66.7 rests on 4 articles; the rest that can be read: all coverage 57.1 and 142.9, Kosovo 133.3.
        Assert.Equal(142.9, Math.Round(TrendCharts.SharedMax(tension, TrendCharts.MinArticlesForIndex), 1));
    }

    [Fact]
    public void GroupShare_IsTheGroupsMatchesOverItsWholeOutput_NoValueWhereItPublishedNothing()
    {
        var data = TrendSamples.Sample(new TrendState { CompareGroups = ["3", "7"] }) with { };
        data = data with
        {
            Groups =
            [
                new GroupTrend("3", TrendSamples.Buckets((2, 1), (5, 5), (0, 0)), [10, 50, 0], [new FacetCount("a", 3), new FacetCount("b", 1)]),
                new GroupTrend("7", TrendSamples.Buckets((4, 0), (0, 0), (1, 1)), [8, 20, 4], [new FacetCount("b", 5)]),
            ],
        };

        var share = TrendCharts.GroupShare(data, id => "group " + id);
        var coverage = TrendCharts.GroupCoverage(data, id => "group " + id);
        var mix = TrendCharts.GroupTopics(data);

        Assert.Equal(["group 3", "group 7"], share.Select(series => series.Name));
        Assert.Equal([0.2, 0.1, double.NaN], share[0].Values);
        Assert.Equal([0.5, 0, 0.25], share[1].Values);
        Assert.Equal([10L, 50, 0], share[0].Support);
        Assert.Equal([4.0, 0, 1], coverage[1].Values);
        // The same topics, in the same colours, in every group's bar: b is the largest over both groups.
        Assert.Equal([("b", 0.25), ("a", 0.75)], mix[0].Slices.Select(slice => (slice.TopicId!, slice.Share)));
        Assert.Equal([("b", 1.0)], mix[1].Slices.Select(slice => (slice.TopicId!, slice.Share)));
        Assert.Equal(mix[0].Slices[0].Color, mix[1].Slices[0].Color);
    }
}

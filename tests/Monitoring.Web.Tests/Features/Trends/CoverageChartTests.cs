using Bunit;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class CoverageChartTests : MudTestContext
{
    private static readonly DateOnly[] Months = [new(2008, 1, 1), new(2008, 2, 1), new(2008, 3, 1)];

    [Fact]
    public void ClickingAPoint_ReportsItsSeriesAndBucket()
    {
        ChartPoint? clicked = null;
        var chart = Render<CoverageChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 11, 14], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.OnPointClick, point => clicked = point));

        chart.Find("circle[data-series=XK][data-bucket='2008-02-01']").Click();

        Assert.Equal(new ChartPoint("XK", new DateOnly(2008, 2, 1)), clicked);
    }

    [Fact]
    public void EveryPointWithArticles_HasATooltipSayingWhatItCounts()
    {
        var chart = Render<CoverageChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [0, 11, 14], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month));

        var tooltips = chart.FindAll("circle.hit title").Select(title => title.TextContent).ToList();

        Assert.Equal(["Kosovo, Feb 2008: 11", "Kosovo, Mar 2008: 14"], tooltips);
    }

    [Fact]
    public void HidingASeries_FromTheLegend_RemovesItsLine()
    {
        var chart = Render<CoverageChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 2, 3], "#000"), new ChartSeriesData("Serbia", "RS", [3, 2, 1], "#111")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month));

        chart.FindAll("button.legend-item").Single(button => button.TextContent.Contains("Serbia", StringComparison.Ordinal)).Click();

        var line = Assert.Single(chart.FindAll("polyline"));
        Assert.Equal("Kosovo", line.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void SharesAreLabelledAsPercentages()
    {
        var chart = Render<CoverageChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [0.25, 0.5, 0.1], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Percent, true));

        var tooltip = chart.Find("circle[data-bucket='2008-02-01'] title").TextContent;

        Assert.Equal("Kosovo, Feb 2008: 50%", tooltip);
        Assert.Contains(chart.FindAll("text.axis-label"), label => label.TextContent == "50%");
        Assert.Equal("2008-03-01", chart.FindAll("circle.hit").Last().GetAttribute("data-bucket"));
    }
}

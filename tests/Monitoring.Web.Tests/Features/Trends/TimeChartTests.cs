using Bunit;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class TimeChartTests : MudTestContext
{
    private static readonly DateOnly[] Months = [new(2008, 1, 1), new(2008, 2, 1), new(2008, 3, 1)];

    [Fact]
    public void APoint_LinksWherePointHrefSends_ForItsSeriesAndBucket()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 11, 14], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.PointHref, point => $"/search?country={point.SeriesKey}&from={point.BucketStart:yyyy-MM-dd}"));

        var point = chart.Find("a.point[data-series=XK][data-bucket='2008-02-01']");

        Assert.Equal("/search?country=XK&from=2008-02-01", point.GetAttribute("href"));
    }

    [Fact]
    public void TheChart_IsOneTabStop_ThatNamesItselfAndItsKeys_WithALiveReadout_AndPointsOutOfTheTabOrder()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 11, 14], "#000"), new ChartSeriesData("Serbia", "RS", [3, 0, 1], "#111")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Annotations, [new ChartAnnotation(new DateOnly(2008, 2, 17), "Independence", "https://example.org/kosovo")])
            .Add(c => c.SvgId, "coverage-svg")
            .Add(c => c.AriaLabel, "Coverage by month")
            .Add(c => c.PointHref, point => $"/search?country={point.SeriesKey}&from={point.BucketStart:yyyy-MM-dd}"));

        var svg = chart.Find("svg.chart-plot");
        var tabStops = chart.FindAll("svg.chart-plot, svg.chart-plot [tabindex], svg.chart-plot a").Where(element => element.GetAttribute("tabindex") is null or "0").ToList();
        Assert.Equal("svg", Assert.Single(tabStops).TagName, ignoreCase: true);
        Assert.Equal("0", svg.GetAttribute("tabindex"));
        Assert.Contains("chart-plot", svg.ClassList);
        Assert.Equal("Coverage by month", svg.GetAttribute("aria-label"));
        Assert.Contains(svg.GetAttribute("aria-describedby")!.Split(' '), id => chart.Find("#" + id).TextContent.Contains("Arrow keys", StringComparison.Ordinal));

        var readout = chart.Find("#coverage-svg-readout");
        Assert.Equal("polite", readout.GetAttribute("aria-live"));

        // Kosovo's three months, then Serbia's two with articles, each still a link for the mouse.
        var points = chart.FindAll("a.point");
        Assert.Equal(["XK", "XK", "XK", "RS", "RS"], points.Select(point => point.GetAttribute("data-series")));
        Assert.Equal(["2008-01-01", "2008-02-01", "2008-03-01", "2008-01-01", "2008-03-01"], points.Select(point => point.GetAttribute("data-bucket")));
        Assert.All(points, point => Assert.Equal("-1", point.GetAttribute("tabindex")));
        Assert.Equal("/search?country=RS&from=2008-03-01", points[^1].GetAttribute("href"));
    }

    [Fact]
    public void ASeriesNamedWithMarkup_IsShownAsText_InItsPointsAndLinks()
    {
        const string Name = "<b>Kosovo</b> & \"Srbija\" Vučić";
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData(Name, "q<1>", [2, 0, 0], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.PointHref, point => $"/search?q={point.SeriesKey}&a=\"b\""));

        var point = chart.Find("a.point");

        Assert.Equal($"{Name}, Jan 2008: 2 articles", point.QuerySelector("title")!.TextContent);
        Assert.Equal("q<1>", point.GetAttribute("data-series"));
        Assert.Equal("/search?q=q<1>&a=\"b\"", point.GetAttribute("href"));
        Assert.Empty(chart.FindAll("svg b"));
    }

    [Fact]
    public void EveryPointWithArticles_HasATooltipSayingWhatItCounts()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [0, 11, 14], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month));

        var tooltips = chart.FindAll("a.point title").Select(title => title.TextContent).ToList();

        Assert.Equal(["Kosovo, Feb 2008: 11 articles", "Kosovo, Mar 2008: 14 articles"], tooltips);
    }

    [Fact]
    public void HidingASeries_FromTheLegend_RemovesItsLine()
    {
        var chart = Render<TimeChart>(parameters => parameters
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
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [0.25, 0.5, 0.1], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Format, ChartValueFormat.Percent));

        var tooltip = chart.Find("a.point[data-bucket='2008-02-01'] title").TextContent;

        Assert.Equal("Kosovo, Feb 2008: 50%", tooltip);
        Assert.Contains(chart.FindAll("text.axis-label"), label => label.TextContent == "50%");
        Assert.Equal("2008-03-01", chart.FindAll("a.point").Last().GetAttribute("data-bucket"));
    }

    [Fact]
    public void ADenseChart_KeepsEveryPeak_WithOneHitTargetPerGroupOfBuckets()
    {
        // 2,000 days of one article each, with one busy day: far more buckets than the plot has pixels.
        var days = Enumerable.Range(0, 2_000).Select(i => new DateOnly(2005, 1, 1).AddDays(i)).ToArray();
        double[] counts = [.. days.Select(day => day == new DateOnly(2008, 2, 17) ? 40.0 : 1.0)];
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", counts, "#000")])
            .Add(c => c.BucketStarts, days)
            .Add(c => c.Interval, DateInterval.Day));

        var points = chart.FindAll("a.point");
        var line = chart.Find("polyline").GetAttribute("points")!.Split(' ');

        Assert.InRange(points.Count, TimeChart.MaxHitTargets / 2, TimeChart.MaxHitTargets);
        Assert.Equal("Kosovo, 17 Feb 2008: 40 articles", chart.Find("a.point[data-bucket='2008-02-17'] title").TextContent);
        Assert.InRange(line.Length, TimeChart.MaxPoints / 2, 2 * TimeChart.MaxPoints);
        // The busy day is the top of the plot (y = 12) on the thinned line too.
        Assert.Contains(line, point => point.EndsWith(",12", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameSeriesAgain_DoNotRedrawTheChart()
    {
        IReadOnlyList<ChartSeriesData> series = [new ChartSeriesData("Kosovo", "XK", [1, 11, 14], "#000")];
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, series)
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month));
        var renders = chart.RenderCount;

        chart.Render(parameters => parameters.Add(c => c.Series, series).Add(c => c.PointHref, point => "/elsewhere"));
        Assert.Equal(renders, chart.RenderCount);

        chart.Render(parameters => parameters.Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [2, 11, 14], "#000")]));
        Assert.Equal(renders + 1, chart.RenderCount);
    }

    [Fact]
    public void AnEventInTheChartedRange_IsAMarkerAtItsDay_WithItsLabelAndLink()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 11, 14], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Annotations, [
                new ChartAnnotation(new DateOnly(2008, 2, 17), "Kosovo declares independence", "https://example.org/kosovo"),
                new ChartAnnotation(new DateOnly(2009, 1, 1), "Outside the range", null),
            ]));

        var marker = chart.Find("g.annotation");
        Assert.Equal("2008-02-17", marker.GetAttribute("data-annotation-date"));
        // Out of the Tab order (the chart is one stop); the list of events under the chart has the link.
        Assert.Equal("-1", marker.GetAttribute("tabindex"));
        Assert.Equal("-1", marker.QuerySelector("a")!.GetAttribute("tabindex"));
        Assert.Equal("https://example.org/kosovo", chart.Find(".chart-events a").GetAttribute("href"));
        Assert.Equal("2008-02-17: Kosovo declares independence", marker.QuerySelector("title")!.TextContent);
        Assert.Equal("https://example.org/kosovo", marker.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Kosovo declares independence", marker.QuerySelector("a text.annotation-label")!.TextContent);

        // February starts at x = 56 + 920 / 2 = 516; the 17th is 16 of its 29 days in: 516 + 460 * 16 / 29 = 769.8.
        Assert.Equal("769.8", marker.QuerySelector("line.annotation-line")!.GetAttribute("x1"));
        Assert.Single(chart.FindAll("g.annotation"));
        Assert.Contains("Kosovo declares independence", chart.Find(".chart-events").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValues_BreakTheLine_AndALoneValueIsADot()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [120, double.NaN, 80], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Format, ChartValueFormat.Index));

        Assert.Empty(chart.FindAll("polyline"));
        Assert.Equal(2, chart.FindAll("circle.dot").Count);
        Assert.Equal(["2008-01-01", "2008-03-01"], chart.FindAll("a.point").Select(point => point.GetAttribute("data-bucket")));
    }

    [Fact]
    public void StackedSeries_PutEachPointOnTopOfTheOnesBelow_ButTellTheirOwnValue()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Elections", "elections", [0.5, 0.25, 1], "#000"), new ChartSeriesData("NATO", "nato", [0.5, 0.75, 0], "#111")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Format, ChartValueFormat.Percent)
            .Add(c => c.Stacked, true));

        var nato = chart.Find("a.point[data-series=nato][data-bucket='2008-02-01']");
        Assert.Equal("NATO, Feb 2008: 75%", nato.QuerySelector("title")!.TextContent);
        // The stack reaches 100% (the top of the plot, y = 12) in February.
        Assert.Equal("12", nato.QuerySelector("circle.hit")!.GetAttribute("cy"));
        Assert.Equal(2, chart.FindAll("polygon.series-area").Count);
        Assert.Contains(chart.FindAll("text.axis-label"), label => label.TextContent == "100%");
        Assert.DoesNotContain(chart.FindAll("text.axis-label"), label => label.TextContent == "120%");
    }

    [Fact]
    public void APointsName_SaysItsSeriesPeriodAndValueInWords_AndHowManyArticlesItRestsOn()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Serbia", "RS", [80, 212, 95], "#000", Support: [12, 41, 3])])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Format, ChartValueFormat.Index)
            .Add(c => c.ValueTemplate, "tension index {0}")
            .Add(c => c.MinSupport, 10));

        var names = chart.FindAll("a.point title").Select(title => title.TextContent).ToList();

        Assert.Equal(
            ["Serbia, Jan 2008: tension index 80 (12 articles)", "Serbia, Feb 2008: tension index 212 (41 articles)",
             "Serbia, Mar 2008: tension index 95 (only 3 articles: too few to read)"],
            names);
    }

    [Fact]
    public void ACountOfOne_IsOneArticle_AndAShareSaysWhatItIsAShareOf()
    {
        var counts = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 0, 0], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month));
        var shares = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [0.41, 0, 0], "#000")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.Format, ChartValueFormat.Percent)
            .Add(c => c.ValueTemplate, "{0} of the coverage"));

        Assert.Equal("Kosovo, Jan 2008: 1 article", counts.Find("a.point title").TextContent);
        Assert.Equal("Kosovo, Jan 2008: 41% of the coverage", shares.Find("a.point title").TextContent);
    }

    [Fact]
    public void TheChart_IsDescribedInWords_AndShowsEveryValueAsATable_WhenAsked()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 11, 14], "#000"), new ChartSeriesData("Serbia", "RS", [3, double.NaN, 1], "#111")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month)
            .Add(c => c.SvgId, "coverage-svg")
            .Add(c => c.AriaLabel, "Coverage by month"));

        var described = chart.Find("svg.chart-plot").GetAttribute("aria-describedby")!.Split(' ').Select(id => chart.Find("#" + id).TextContent).ToList();
        Assert.Contains(described, text => text.Contains("2 series (Kosovo, Serbia) from Jan 2008 to Mar 2008", StringComparison.Ordinal));
        Assert.Empty(chart.FindAll("table"));
        var toggle = chart.Find("button.chart-table-toggle");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();

        Assert.Equal("true", chart.Find("button.chart-table-toggle").GetAttribute("aria-expanded"));
        var table = chart.Find("#coverage-svg-table");
        Assert.Equal("coverage-svg-table", chart.Find("button.chart-table-toggle").GetAttribute("aria-controls"));
        Assert.Equal("Coverage by month", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Period", "Kosovo", "Serbia"], table.QuerySelectorAll("thead th").Select(cell => cell.TextContent));
        Assert.Equal(
            ["Jan 2008 1 3", "Feb 2008 11 –", "Mar 2008 14 1"],
            table.QuerySelectorAll("tbody tr").Select(row => string.Join(' ', row.Children.Select(cell => cell.TextContent))));
    }

    [Fact]
    public void LinesOfDifferentSeries_DifferInDashPatternToo_AndTheLegendDrawsEachOnesPattern()
    {
        var chart = Render<TimeChart>(parameters => parameters
            .Add(c => c.Series, [new ChartSeriesData("Kosovo", "XK", [1, 2, 3], "#000"), new ChartSeriesData("Serbia", "RS", [3, 2, 1], "#111"), new ChartSeriesData("Bosnia", "BA", [2, 2, 2], "#222")])
            .Add(c => c.BucketStarts, Months)
            .Add(c => c.Interval, DateInterval.Month));

        var lines = chart.FindAll("polyline.series-line").Select(line => line.GetAttribute("stroke-dasharray") ?? "").ToList();
        var legend = chart.FindAll("button.legend-item svg.legend-line line").Select(line => line.GetAttribute("stroke-dasharray") ?? "").ToList();

        Assert.Equal(3, lines.Distinct().Count());
        Assert.Equal(lines, legend);
    }
}

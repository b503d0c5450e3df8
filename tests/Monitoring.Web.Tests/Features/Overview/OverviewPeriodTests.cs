using Monitoring.Web.Features.Overview;

namespace Monitoring.Web.Tests.Features.Overview;

public sealed class OverviewPeriodTests
{
    [Theory]
    [InlineData("month", "month")]
    [InlineData("YEAR", "year")]
    [InlineData("fortnight", "week")]
    [InlineData(null, "week")]
    public void ThePeriodInTheLink_IsRead_AndAnythingElseMeansTheWeek(string? key, string expected)
    {
        Assert.Equal(expected, OverviewPeriod.Parse(key).Key);
    }

    [Fact]
    public void AWeek_RunsMondayToSunday_WithFiftyTwoWeeksOfBaseline()
    {
        var start = OverviewPeriod.Week.Start(new DateOnly(2026, 3, 25)); // a Wednesday

        Assert.Equal(new DateOnly(2026, 3, 23), start);
        Assert.Equal(new DateOnly(2026, 3, 29), OverviewPeriod.Week.End(start));
        Assert.Equal(new DateOnly(2025, 3, 24), OverviewPeriod.Week.BaselineStart(start));
    }

    [Fact]
    public void AMonth_EndsOnItsLastDay_EvenInALeapFebruary()
    {
        var start = OverviewPeriod.Month.Start(new DateOnly(2024, 2, 10));

        Assert.Equal(new DateOnly(2024, 2, 1), start);
        Assert.Equal(new DateOnly(2024, 2, 29), OverviewPeriod.Month.End(start));
        Assert.Equal(new DateOnly(2023, 2, 1), OverviewPeriod.Month.BaselineStart(start));
    }

    [Fact]
    public void AYear_IsComparedWithTheFiveYearsBefore()
    {
        var start = OverviewPeriod.Year.Start(new DateOnly(2026, 3, 23));

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (start, OverviewPeriod.Year.End(start)));
        Assert.Equal(new DateOnly(2021, 1, 1), OverviewPeriod.Year.BaselineStart(start));
    }
}

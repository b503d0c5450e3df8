using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class TrendLinksTests
{
    [Fact]
    public void ACountryPoint_OpensTheSearchForThatCountryAndBucket()
    {
        var link = TrendLinks.Search(new TrendState { Text = "border" }, TrendChart.Coverage, "XK", new DateOnly(2008, 2, 1));

        Assert.Equal("/search?q=border&country=XK&from=2008-02-01&to=2008-02-29", link);
    }

    [Fact]
    public void ATopicPoint_FiltersByTheTopic_NotByACountry()
    {
        var link = TrendLinks.Search(new TrendState { Interval = DateInterval.Week }, TrendChart.Topics, "elections", new DateOnly(2008, 2, 11));

        Assert.Equal("/search?topic=elections&from=2008-02-11&to=2008-02-17", link);
    }

    [Fact]
    public void AComparedQueryPoint_SearchesThatQuery()
    {
        var link = TrendLinks.Search(new TrendState { Compare = ["Kosovo", "Serbia"], Interval = DateInterval.Year }, TrendChart.Tension, "Serbia", new DateOnly(2008, 1, 1));

        Assert.Equal("/search?q=Serbia&from=2008-01-01&to=2008-12-31", link);
    }

    [Fact]
    public void TheBucket_IsClippedToTheChartedRange_AndTimeSettingsCarryOver()
    {
        var state = new TrendState
        {
            From = new DateOnly(2008, 2, 10),
            TimeZone = "UTC",
            Basis = DateBasis.Ingested,
            CountryMode = CountryMode.About,
        };

        var link = TrendLinks.Search(state, TrendChart.Tension, null, new DateOnly(2008, 2, 1));

        Assert.Equal("/search?from=2008-02-10&to=2008-02-29&countries=about&basis=ingested&tz=UTC", link);
    }
}

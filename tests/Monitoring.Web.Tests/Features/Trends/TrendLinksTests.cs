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

    [Fact]
    public void OutletFilters_GoIntoEveryDrillDownLink()
    {
        var state = new TrendState { Text = "border", Interval = DateInterval.Year, OutletGroups = ["5"], OutletCountries = ["RS"], OutletKinds = ["portal"] };

        var link = TrendLinks.Search(state, TrendChart.Topics, "elections", new DateOnly(2008, 1, 1));

        Assert.Equal("/search?q=border&topic=elections&from=2008-01-01&to=2008-12-31&outlet_group=5&outlet_country=RS&outlet_kind=portal", link);
    }

    [Fact]
    public void AComparedGroupsPoint_SearchesWithinThatGroupOnly_ForItsPeriodOrTopic()
    {
        var state = new TrendState { Text = "Kosovo", Interval = DateInterval.Month, To = new DateOnly(2008, 2, 20), OutletCountries = ["XK"], CompareGroups = ["3", "7"] };

        Assert.Equal("/search?q=Kosovo&outlet_country=XK&outlet_group=7&from=2008-02-01&to=2008-02-20", TrendLinks.GroupSearch(state, "7", new DateOnly(2008, 2, 1)));
        Assert.Equal("/search?q=Kosovo&topic=elections&outlet_country=XK&outlet_group=3&to=2008-02-20", TrendLinks.GroupSearch(state, "3", null, "elections"));
    }
}

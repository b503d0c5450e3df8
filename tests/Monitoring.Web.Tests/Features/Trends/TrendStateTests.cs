using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class TrendStateTests
{
    private static readonly TrendState EveryChoice = new()
    {
        Text = "Kosovo AND (border OR barricade)",
        Interval = DateInterval.Week,
        Measure = TrendMeasure.Share,
        Layout = TrendLayout.Stacked,
        TimeZone = "America/New_York",
        Basis = DateBasis.Ingested,
        CountryMode = CountryMode.About,
        From = new DateOnly(2008, 1, 1),
        To = new DateOnly(2008, 12, 31),
        BaseFrom = new DateOnly(2007, 1, 1),
        BaseTo = new DateOnly(2007, 12, 31),
        Compare = ["Kosovo", "Vučić & Kurti"],
        Multiples = true,
        Rolling = 3,
    };

    [Fact]
    public void EveryChoice_SurvivesTheTripThroughTheUrl()
    {
        var parsed = TrendState.FromUri(new Uri("http://localhost/trends?" + EveryChoice.ToQueryString()));

        Assert.Equal(EveryChoice with { Compare = [] }, parsed with { Compare = [] });
        Assert.Equal(EveryChoice.Compare, parsed.Compare);
    }

    [Fact]
    public void TheDefaults_LeaveTheUrlEmpty_AndAnEmptyUrlGivesTheDefaults()
    {
        Assert.Equal("", new TrendState().ToQueryString());
        var parsed = TrendState.FromUri(new Uri("http://localhost/trends"));
        Assert.Equal(new TrendState() with { Compare = [] }, parsed with { Compare = [] });
        Assert.Equal(ArticleQuery.DefaultTimeZone, parsed.TimeZone);
        // No interval: the data chooses it (IntervalChoice).
        Assert.Null(parsed.Interval);
        Assert.Equal((false, 1), (parsed.Multiples, parsed.Rolling));
    }

    [Fact]
    public void NonsenseInTheUrl_FallsBackToTheDefaults()
    {
        var parsed = TrendState.FromUri(new Uri("http://localhost/trends?interval=fortnight&tz=Mars/Olympus&from=yesterday&basis=7&cmp=a&cmp=b&cmp=c&cmp=d&cmp=e&avg=40&multiples=maybe"));

        Assert.Null(parsed.Interval);
        Assert.Equal((false, 1), (parsed.Multiples, parsed.Rolling));
        Assert.Equal(ArticleQuery.DefaultTimeZone, parsed.TimeZone);
        Assert.Null(parsed.From);
        Assert.Equal(DateBasis.Published, parsed.Basis);
        Assert.Equal(["a", "b", "c", "d"], parsed.Compare);
    }

    [Fact]
    public void TheFilter_CarriesTheTimeSettings()
    {
        var filter = EveryChoice.Filter("Kosovo");

        Assert.Equal("Kosovo", filter.Text);
        Assert.Equal("America/New_York", filter.TimeZone);
        Assert.Equal(DateBasis.Ingested, filter.DateBasis);
        Assert.Equal(CountryMode.About, filter.CountryMode);
        Assert.Equal(new DateOnly(2008, 1, 1), filter.From);
    }

    [Fact]
    public void OutletFiltersAndComparedGroups_SurviveTheTripThroughTheUrl_WithTheSearchPagesParameterNames()
    {
        var state = new TrendState { Text = "Kosovo", OutletGroups = ["5"], OutletCountries = ["RS"], OutletKinds = ["public-broadcaster"], CompareGroups = ["3", "7"] };

        var query = state.ToQueryString();
        var parsed = TrendState.FromUri(new Uri("http://localhost/trends?" + query));

        Assert.Equal("q=Kosovo&outlet_group=5&outlet_country=RS&outlet_kind=public-broadcaster&cmpgroup=3&cmpgroup=7", query);
        Assert.Equal(["5"], parsed.OutletGroups);
        Assert.Equal(["RS"], parsed.OutletCountries);
        Assert.Equal(["public-broadcaster"], parsed.OutletKinds);
        Assert.Equal(["3", "7"], parsed.CompareGroups);
    }

    [Fact]
    public void ComparingGroups_TheyAreTheGroupFilter_AndComparedSearchesAreNotDrawn()
    {
        var parsed = TrendState.FromUri(new Uri("http://localhost/trends?q=Kosovo&cmp=Serbia&outlet_group=5&outlet_country=rs&cmpgroup=1&cmpgroup=2&cmpgroup=3&cmpgroup=4&cmpgroup=6"));

        Assert.Equal(["1", "2", "3", "4"], parsed.CompareGroups);
        Assert.True(parsed.ComparingGroups);
        Assert.False(parsed.Comparing);
        var filter = parsed.Filter(parsed.Text);
        Assert.Equal(["1", "2", "3", "4"], filter.OutletGroups);
        Assert.Equal(["RS"], filter.OutletCountries);
        Assert.Equal(["5"], TrendState.FromUri(new Uri("http://localhost/trends?outlet_group=5")).Filter(null).OutletGroups);
    }
}

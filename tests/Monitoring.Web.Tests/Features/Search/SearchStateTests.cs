using Monitoring.Core.Articles;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

public sealed class SearchStateTests
{
    private static readonly SearchState EveryFieldSet = new()
    {
        Text = "\"military cooperation\" AND Šojgu",
        Countries = ["RS", "XK"],
        CountryMode = CountryMode.About,
        Topics = ["arms-trade"],
        Sources = ["RFE/RL", "Wikipedia Current events"],
        Languages = ["sr"],
        People = ["Aleksandar Vučić"],
        OutletCountries = ["XK"],
        OutletKinds = ["public-broadcaster", "portal"],
        OutletGroups = ["3"],
        From = new DateOnly(2024, 2, 29),
        To = new DateOnly(2025, 1, 1),
        TimeZone = "America/New_York",
        DateBasis = DateBasis.Ingested,
        MinTension = 25,
        MaxTension = 90,
        Story = ArticleId.Parse("4adcd7e9ad8fd131"),
        Sort = SearchSort.Tension,
        ExpandNames = false,
        Page = 7,
        Cursor = "eyJzIjoiYSJ9",
    };

    [Fact]
    public void EveryField_SurvivesTheRoundTripThroughTheUrl()
    {
        var url = "http://localhost/search" + EveryFieldSet.ToQueryString();

        var read = SearchState.FromUri(url);

        Assert.Equal(EveryFieldSet, read);
        // Each field really changes the URL, so none is silently dropped by both directions at once.
        Assert.Contains("countries=about", url, StringComparison.Ordinal);
        Assert.Contains("tz=America%2FNew_York", url, StringComparison.Ordinal);
        Assert.Contains("basis=ingested", url, StringComparison.Ordinal);
        Assert.Contains("person=Aleksandar%20Vu%C4%8Di%C4%87", url, StringComparison.Ordinal);
        Assert.Contains("country=RS&country=XK", url, StringComparison.Ordinal);
        Assert.Contains("names=exact", url, StringComparison.Ordinal);
        Assert.False(read.ToArticleQuery().ExpandNames);
    }

    [Fact]
    public void EachFieldAlone_SurvivesTheRoundTrip()
    {
        SearchState[] singles =
        [
            new() { Text = "Kosovo" }, new() { Countries = ["AL"] }, new() { CountryMode = CountryMode.About },
            new() { Topics = ["elections"] }, new() { Sources = ["RTS"] }, new() { Languages = ["en"] },
            new() { People = ["Sergei Shoigu"] }, new() { From = new DateOnly(2008, 2, 17) }, new() { To = new DateOnly(2008, 2, 29) },
            new() { TimeZone = "UTC" }, new() { DateBasis = DateBasis.Ingested }, new() { MinTension = 0 }, new() { MaxTension = 100 },
            new() { Story = ArticleId.Parse("0123456789abcdef") }, new() { Sort = SearchSort.Oldest }, new() { Page = 2 },
            new() { Cursor = "abc-_" }, new() { ExpandNames = false },
            new() { OutletCountries = ["RS"] }, new() { OutletKinds = ["state-owned"] }, new() { OutletGroups = ["12"] },
        ];

        Assert.All(singles, state =>
        {
            var query = state.ToQueryString();
            Assert.NotEqual("", query);
            Assert.Equal(state, SearchState.FromUri("/" + query));
        });
    }

    [Fact]
    public void OutletFilters_AreTheirOwnParameters_AndReachTheEngineQuery_ApartFromTheCountriesArticlesAreAbout()
    {
        var state = SearchState.FromUri("/search?country=RS&outlet_country=XK&outlet_kind=portal&outlet_group=3&outlet_group=5");

        var query = state.ToArticleQuery();

        Assert.Equal(["RS"], query.Countries);
        Assert.Equal(["XK"], query.OutletCountries);
        Assert.Equal(["portal"], query.OutletKinds);
        Assert.Equal(["3", "5"], query.OutletGroups);
        Assert.True(new SearchState { OutletGroups = ["3"] }.HasFilters);
        Assert.Equal(["5"], state.Toggle(SearchState.Keys.OutletGroup, "3").OutletGroups);
    }

    [Fact]
    public void AnOutletKind_WrittenAsItsLabelOrInAnotherCase_ReadsAsItsKey_AndAnUnknownOneStaysForTheValidator()
    {
        var state = SearchState.FromUri("/search?outlet_kind=Portal&outlet_kind=State-owned&outlet_kind=PORTAL&outlet_kind=tabloid");

        Assert.Equal(["portal", "state-owned", "tabloid"], state.OutletKinds);
    }

    [Fact]
    public void TheDefaultState_WritesNothing_AndAMissingQueryReadsAsDefault()
    {
        Assert.Equal("", SearchState.Default.ToQueryString());
        Assert.Equal(SearchState.Default, SearchState.FromUri("http://localhost/"));
        Assert.Equal(SearchState.Default, SearchState.FromUri("http://localhost/?sort=bogus&page=-3&tmin=x&from=2024-13-01&story=nope"));
    }

    [Fact]
    public void TheTrendsPageLink_ReadsAsACountryAndAMonth()
    {
        var state = SearchState.FromUri("/search?country=XK&from=2008-02-01&to=2008-02-29");

        Assert.Equal(["XK"], state.Countries);
        Assert.Equal(new DateOnly(2008, 2, 1), state.From);
        Assert.Equal(new DateOnly(2008, 2, 29), state.To);
    }

    [Fact]
    public void Toggling_AddsThenRemovesAValue_AndStartsFromTheFirstPage()
    {
        var onPageThree = new SearchState { Countries = ["RS"], Page = 3, Cursor = "c" };

        var added = onPageThree.Toggle(SearchState.Keys.Country, "XK");
        var removed = added.Toggle(SearchState.Keys.Country, "RS");

        Assert.Equal(["RS", "XK"], added.Countries);
        Assert.Equal(1, added.Page);
        Assert.Null(added.Cursor);
        Assert.Equal(["XK"], removed.Countries);
    }

    [Fact]
    public void TheEngineQuery_SkipsByPage_UnlessACursorLeadsToThePage()
    {
        var shallow = new SearchState { Page = 3 }.ToArticleQuery();
        var deep = new SearchState { Page = 300, Cursor = "c" }.ToArticleQuery();

        Assert.Equal(40, shallow.Skip);
        Assert.Null(shallow.Cursor);
        Assert.Equal(0, deep.Skip);
        Assert.Equal("c", deep.Cursor);
    }

    [Fact]
    public void TheEngineQuery_CarriesEveryFilter()
    {
        var query = EveryFieldSet.ToArticleQuery();

        Assert.Equal(EveryFieldSet.Text, query.Text);
        Assert.Equal(["RS", "XK"], query.Countries);
        Assert.Equal(CountryMode.About, query.CountryMode);
        Assert.Equal(["arms-trade"], query.Topics);
        Assert.Equal(["Aleksandar Vučić"], query.People);
        Assert.Equal(["sr"], query.Languages);
        Assert.Equal(EveryFieldSet.Sources, query.Sources);
        Assert.Equal((EveryFieldSet.From, EveryFieldSet.To), (query.From, query.To));
        Assert.Equal("America/New_York", query.TimeZone);
        Assert.Equal(DateBasis.Ingested, query.DateBasis);
        Assert.Equal((25d, 90d), (query.MinTension!.Value, query.MaxTension!.Value));
        Assert.Equal(EveryFieldSet.Story, query.StoryId);
        Assert.Equal(SearchSort.Tension, query.Sort);
    }

    [Theory]
    [InlineData("24h", "2026-03-09", "2026-03-10")]
    [InlineData("7d", "2026-03-04", "2026-03-10")]
    [InlineData("30d", "2026-02-09", "2026-03-10")]
    [InlineData("1y", "2025-03-11", "2026-03-10")]
    public void DatePresets_EndTodayInTheChosenZone(string key, string from, string to)
    {
        // 23:30 UTC on 9 March is already 10 March in Belgrade (UTC+1 in winter).
        var now = new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero);

        var range = DateRangePreset.All.Single(preset => preset.Key == key).Range(now, "Europe/Belgrade");

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (range.From!.Value, range.To!.Value));
    }
}

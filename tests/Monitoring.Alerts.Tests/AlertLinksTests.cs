using Monitoring.Core.Alerts;
using Monitoring.Core.Search;

namespace Monitoring.Alerts.Tests;

/// <summary>The search link in every alert message: the alert's words and filters, newest first, readable by the search page.</summary>
public sealed class AlertLinksTests
{
    [Fact]
    public void TheSearchLink_CarriesTheWordsAndFilters_NewestFirst()
    {
        var alert = AlertFor(new SavedQuery { Text = "Vučić AND \"military cooperation\"", Countries = ["RS", "RU"], Topics = ["defence"] });

        var path = AlertLinks.SearchPath(alert);

        Assert.StartsWith("/search?", path, StringComparison.Ordinal);
        Assert.Contains("country=RS&country=RU", path, StringComparison.Ordinal);
        Assert.Contains("sort=newest", path, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSearchPage_ReadsBack_WhatTheLinkSays()
    {
        var alert = AlertFor(new SavedQuery { Text = "Vučić AND \"military cooperation\"", Countries = ["RS", "RU"], MinTension = 40.2 });

        var state = SearchState.FromUri("http://monitor.test" + AlertLinks.SearchPath(alert));

        Assert.Equal("Vučić AND \"military cooperation\"", state.Text);
        Assert.Equal(["RS", "RU"], state.Countries);
        Assert.Equal(40, state.MinTension);
        Assert.Equal(SearchSort.Newest, state.Sort);
    }

    [Fact]
    public void TheSearchLink_CarriesTheOutletFilters()
    {
        var alert = AlertFor(new SavedQuery { Text = "Kosovo", OutletGroups = ["3"], OutletCountries = ["XK"], OutletKinds = ["portal"] });

        var state = SearchState.FromUri("http://monitor.test" + AlertLinks.SearchPath(alert));

        Assert.Equal(["3"], state.OutletGroups);
        Assert.Equal(["XK"], state.OutletCountries);
        Assert.Equal(["portal"], state.OutletKinds);
    }

    [Fact]
    public void APlusInTheQueryString_IsASpace_AndAnEscapedPlusIsAPlus()
    {
        var state = SearchState.FromUri("/search?q=Kosovo+border&source=B92%2BTanjug");

        Assert.Equal("Kosovo border", state.Text);
        Assert.Equal(["B92+Tanjug"], state.Sources);
    }

    private static Alert AlertFor(SavedQuery query) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Test",
        Owner = "editor",
        QueryJson = query.ToJson(),
    };
}

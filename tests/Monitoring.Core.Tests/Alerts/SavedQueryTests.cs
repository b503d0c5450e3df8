using Monitoring.Core.Alerts;
using Monitoring.Core.Search;

namespace Monitoring.Core.Tests.Alerts;

public sealed class SavedQueryTests
{
    [Fact]
    public void ASearch_KeepsItsTextAndFilters_ButNotItsDatesPagingOrSort()
    {
        var search = new ArticleQuery
        {
            Text = "  Vučić AND protest* ",
            Countries = ["RS"],
            CountryMode = CountryMode.About,
            Topics = ["protests-unrest"],
            MinTension = 30,
            From = new DateOnly(2026, 1, 1),
            To = new DateOnly(2026, 1, 31),
            Sort = SearchSort.Oldest,
            Skip = 40,
        };

        var alertQuery = SavedQuery.From(search).ToArticleQuery();

        Assert.Equal("Vučić AND protest*", alertQuery.Text);
        Assert.Equal(["RS"], alertQuery.Countries);
        Assert.Equal(CountryMode.About, alertQuery.CountryMode);
        Assert.Equal(["protests-unrest"], alertQuery.Topics);
        Assert.Equal(30, alertQuery.MinTension);
        Assert.Null(alertQuery.From);
        Assert.Null(alertQuery.To);
        Assert.Equal(0, alertQuery.Skip);
        Assert.Equal(SearchSort.Newest, alertQuery.Sort);
    }

    [Fact]
    public void WhetherNamesExpand_IsKept_AndAnAlertSavedBeforeItExpands()
    {
        var exact = SavedQuery.From(new ArticleQuery { Text = "Beograd", ExpandNames = false });

        Assert.False(SavedQuery.FromJson(exact.ToJson()).ToArticleQuery().ExpandNames);
        Assert.True(SavedQuery.FromJson("""{"text":"Beograd"}""").ToArticleQuery().ExpandNames);
        Assert.NotEqual(exact, exact with { ExpandNames = true });
    }

    [Fact]
    public void OutletFilters_AreKept_AndAnAlertSavedBeforeThemHasNone()
    {
        var saved = SavedQuery.From(new ArticleQuery { Text = "Kosovo", OutletCountries = ["XK"], OutletKinds = ["portal"], OutletGroups = ["3", "11"] });

        var alertQuery = SavedQuery.FromJson(saved.ToJson()).ToArticleQuery();

        Assert.Equal(["XK"], alertQuery.OutletCountries);
        Assert.Equal(["portal"], alertQuery.OutletKinds);
        Assert.Equal(["3", "11"], alertQuery.OutletGroups);
        Assert.NotEqual(saved, saved with { OutletGroups = ["3"] });
        var old = SavedQuery.FromJson("""{"text":"Kosovo","countries":["XK"]}""").ToArticleQuery();
        Assert.Equal((0, 0, 0), (old.OutletCountries.Count, old.OutletKinds.Count, old.OutletGroups.Count));
    }

    [Fact]
    public void JsonRoundTrip_GivesAnEqualQuery()
    {
        var saved = new SavedQuery { Text = "Kosovo", Countries = ["XK", "RS"], People = ["Albin Kurti"], CountryMode = CountryMode.About };

        var json = saved.ToJson();

        Assert.Contains("\"countryMode\":\"About\"", json, StringComparison.Ordinal);
        Assert.Equal(saved, SavedQuery.FromJson(json));
        Assert.NotEqual(saved, saved with { Countries = ["XK"] });
    }
}

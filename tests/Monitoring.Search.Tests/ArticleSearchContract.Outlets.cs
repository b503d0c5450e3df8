using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;

namespace Monitoring.Search.Tests;

/// <summary>
/// Filters and facets on the outlet (<see cref="Article.Outlet"/>): its country, kind and groups, distinct from the
/// countries an article is about. RTS headlines from ../shared/data/balkans, given to two outlets and one unknown one.
/// </summary>
public abstract partial class ArticleSearchContract
{
    private const int FromRts = 12;
    private const int FromKosovoOnline = 8;
    private const int FromUnknown = 5;

    [Fact]
    public async Task OutletFilters_MatchTheOutletsCountryKindAndGroups_AnyCase_NotTheCountriesArticlesAreAbout()
    {
        var engine = await OutletEngineAsync();

        Assert.Equal(FromRts, await TotalAsync(engine, new ArticleQuery { OutletCountries = ["rs"] }));
        Assert.Equal(FromRts + FromKosovoOnline, await TotalAsync(engine, new ArticleQuery { OutletCountries = ["RS", "XK"] }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { Countries = ["RS"] }));
        Assert.Equal(FromRts, await TotalAsync(engine, new ArticleQuery { OutletKinds = ["Public-Broadcaster"] }));
        Assert.Equal(FromKosovoOnline, await TotalAsync(engine, new ArticleQuery { OutletKinds = ["portal"] }));
        Assert.Equal(FromRts, await TotalAsync(engine, new ArticleQuery { OutletGroups = ["2"] }));
        Assert.Equal(FromRts + FromKosovoOnline, await TotalAsync(engine, new ArticleQuery { OutletGroups = ["3", "1"] }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { OutletGroups = ["9"] }));
        Assert.Equal(0, await TotalAsync(engine, new ArticleQuery { OutletCountries = ["RS"], OutletGroups = ["3"] }));
        Assert.Equal(FromRts + FromKosovoOnline + FromUnknown, await TotalAsync(engine, new ArticleQuery()));
    }

    [Fact]
    public async Task OutletFacets_CountEachGroupOfAnOutlet_AndAreDisjunctive()
    {
        var engine = await OutletEngineAsync();

        var all = await engine.Search.SearchAsync(new ArticleQuery { Take = 0 }, Cancel);
        var kosovoGroup = await engine.Search.SearchAsync(new ArticleQuery { OutletGroups = ["3"], Take = 0 }, Cancel);

        Assert.Equal([new FacetCount("RS", FromRts), new FacetCount("XK", FromKosovoOnline)], all.Facets.OutletCountries);
        Assert.Equal([new FacetCount("public-broadcaster", FromRts), new FacetCount("portal", FromKosovoOnline)], all.Facets.OutletKinds);
        Assert.Equal([new FacetCount("1", FromRts), new FacetCount("2", FromRts), new FacetCount("3", FromKosovoOnline)], all.Facets.OutletGroups);
        Assert.Equal(FromKosovoOnline, kosovoGroup.Total);
        // The group facet leaves out its own filter; the others count only the group's articles.
        Assert.Equal(all.Facets.OutletGroups, kosovoGroup.Facets.OutletGroups);
        Assert.Equal([new FacetCount("XK", FromKosovoOnline)], kosovoGroup.Facets.OutletCountries);
        Assert.Equal([new FacetCount("portal", FromKosovoOnline)], kosovoGroup.Facets.OutletKinds);
        Assert.Equal([new FacetCount("Kosovo Online", FromKosovoOnline)], kosovoGroup.Facets.Sources);
    }

    [Fact]
    public async Task AnArticle_ComesBackWithItsOutlet()
    {
        var engine = await OutletEngineAsync();

        var hit = Assert.Single((await engine.Search.SearchAsync(new ArticleQuery { OutletKinds = ["portal"], Take = 1 }, Cancel)).Hits);

        Assert.Equal(("XK", (OutletKind?)OutletKind.Portal), (hit.Article.Article.Outlet!.Country, hit.Article.Article.Outlet.Kind));
        Assert.Equal(["3"], hit.Article.Article.Outlet.Groups);
    }

    /// <summary>RTS headlines: the first from RTS (RS, public broadcaster, groups 1 and 2), the next from Kosovo Online (XK, portal, group 3), the next from an outlet the store does not know.</summary>
    private async Task<SearchEngineUnderTest> OutletEngineAsync()
    {
        BalkanHeadlines.SkipUnlessPresent();
        var headlines = BalkanHeadlines.Read("rts_latin.csv").OrderBy(pair => pair.Key, StringComparer.Ordinal).Take(FromRts + FromKosovoOnline + FromUnknown).ToList();
        var rts = new ArticleOutlet { Country = "RS", Kind = OutletKind.PublicBroadcaster, Groups = ["1", "2"] };
        var kosovoOnline = new ArticleOutlet { Country = "XK", Kind = OutletKind.Portal, Groups = ["3"] };
        var articles = headlines.Select((pair, i) => i switch
        {
            < FromRts => WithOutlet(BalkanHeadlines.ToArticle(pair.Key, pair.Value, "RTS"), rts),
            < FromRts + FromKosovoOnline => WithOutlet(BalkanHeadlines.ToArticle(pair.Key, pair.Value, "Kosovo Online"), kosovoOnline),
            _ => BalkanHeadlines.ToArticle(pair.Key, pair.Value, "Unknown outlet"),
        }).ToList();
        var engine = await CreateEmptyEngineAsync();
        await engine.Index.IndexAsync(articles, Cancel);
        return engine;
    }

    private static EnrichedArticle WithOutlet(EnrichedArticle article, ArticleOutlet outlet) =>
        article with { Article = article.Article with { Outlet = outlet } };
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Tests;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

/// <summary>The "what stands out" panel on its own: loading, nothing to show, and where each term leads.</summary>
public sealed class SignificantTermsPanelTests : MudTestContext
{
    private static readonly EnrichmentModel Model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    private static readonly SearchState Searched = new() { Text = "Srebrenica", Topics = ["war-crimes"] };

    public SignificantTermsPanelTests() => Services.AddSingleton(Model);

    [Fact]
    public void WhileLooking_ItShowsItIsBusy_AndNoTerms()
    {
        var panel = RenderPanel(terms: null, loading: true);

        Assert.NotNull(panel.Find("#significant-loading"));
        Assert.Empty(panel.FindAll("#significant-terms a"));
        Assert.Empty(panel.FindAll("#significant-empty"));
    }

    [Fact]
    public void WhenNothingStandsOut_ItSaysSo()
    {
        var panel = RenderPanel(SignificantTerms.Empty with { Matches = 1180, Indexed = 1180 }, loading: false);

        Assert.Contains("Nothing stands out", panel.Find("#significant-empty").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("#significant-terms a"));
    }

    [Fact]
    public void EachTerm_LinksToTheSameSearchNarrowedToIt_WithItsCountsOnHover()
    {
        var terms = new SignificantTerms(
            40,
            40,
            1180,
            Words: [new SignificantTerm("genocid", 12, 15, 8.1) { Label = "genocide" }],
            People: [new SignificantTerm("Ratko Mladić", 9, 11, 16.2)],
            Countries: [new SignificantTerm("BA", 30, 200, 3.1)]);

        var panel = RenderPanel(terms, loading: false);

        var word = panel.Find("[data-kind=word] [data-value=genocid] a");
        Assert.Equal("genocide", word.TextContent);
        Assert.Equal("/search?q=Srebrenica%20genocide&topic=war-crimes", word.GetAttribute("href"));
        Assert.Equal("genocide: in 12 of 40 matching articles, 15 in the whole archive", word.GetAttribute("title"));
        Assert.Equal("/search?q=Srebrenica&topic=war-crimes&person=Ratko%20Mladi%C4%87", panel.Find("[data-kind=person] a").GetAttribute("href"));
        var place = panel.Find("[data-kind=country] a");
        Assert.Equal("Bosnia and Herzegovina", place.TextContent);
        Assert.Equal("/search?q=Srebrenica&country=BA&topic=war-crimes", place.GetAttribute("href"));
    }

    [Theory]
    [InlineData(null, "Gazivoda", "Gazivoda")]
    [InlineData("Kosovo", "Gazivoda", "Kosovo Gazivoda")]
    [InlineData("Kosovo OR Serbia", "Gazivoda", "(Kosovo OR Serbia) Gazivoda")]
    [InlineData("Kosovo", "U.S.", "Kosovo \"U.S.\"")]
    public void AWord_IsAddedToTheText_KeepingWhatTheTextMeant(string? text, string word, string expected)
    {
        var next = SignificantTermLinks.WithWord(new SearchState { Text = text, Page = 3, Cursor = "abc" }, word);

        Assert.Equal(expected, next.Text);
        Assert.Equal((1, null), (next.Page, next.Cursor));
    }

    [Fact]
    public void APersonAlreadyFilteredOn_StaysInTheFilter()
    {
        var state = new SearchState { People = ["Ratko Mladić"] };

        Assert.Equal(["Ratko Mladić"], SignificantTermLinks.WithFilter(state, SearchState.Keys.Person, "Ratko Mladić").People);
        Assert.Equal(["Ratko Mladić", "Radovan Karadžić"], SignificantTermLinks.WithFilter(state, SearchState.Keys.Person, "Radovan Karadžić").People);
    }

    private IRenderedComponent<SignificantTermsView> RenderPanel(SignificantTerms? terms, bool loading) =>
        Render<SignificantTermsView>(parameters => parameters
            .Add(panel => panel.State, Searched)
            .Add(panel => panel.Terms, terms)
            .Add(panel => panel.Loading, loading)
            .Add(panel => panel.HrefOf, state => "/search" + state.ToQueryString()));
}

using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Core.Tests.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Search;

/// <summary>
/// "Who carried it" over copies of the example article (RFE/RL on Shoigu in Belgrade) as three outlets could carry
/// it: the original, a copy with its own headline and an update, and a shortened copy that leaves Kosovo out.
/// </summary>
public sealed class StoryCoverageTests(EnrichmentFixture fixture) : IClassFixture<EnrichmentFixture>
{
    [Fact]
    public void EachOutletIsListedOnce_InTheOrderTheyFirstReported_WithTheirFirstHeadline()
    {
        var coverage = StoryCoverage.Of(Copies().Reverse());

        Assert.Equal(["RFE/RL", "N1", "Sputnik Srbija"], coverage.Outlets.Select(report => report.Outlet));
        var n1 = coverage.Outlets[1];
        Assert.Equal(ExampleStory.SecondHeadline, n1.Headline);
        Assert.Equal(2, n1.Copies);
        Assert.Equal(ExampleStory.Published.AddHours(2), n1.FirstReported);
        Assert.Equal(ExampleStory.Published, coverage.FirstReported);
        Assert.Equal(ExampleStory.Published.AddDays(1), coverage.LastOutletJoined);
    }

    [Fact]
    public void ACountryOnlySomeOutletsNamed_IsMarked_AndOneEveryOutletNamed_IsNot()
    {
        var coverage = StoryCoverage.Of(Copies());

        var original = coverage.Outlets[0].CountriesNamed;
        var shortened = coverage.Outlets[2].CountriesNamed;
        Assert.Contains(original, country => country is { Code: "XK", NamedByEveryOutlet: false });
        Assert.DoesNotContain(shortened, country => country.Code == "XK");
        Assert.Contains(original, country => country is { Code: "RS", NamedByEveryOutlet: true, IsAbout: true });
        Assert.Contains(shortened, country => country is { Code: "RS", NamedByEveryOutlet: true });
        Assert.Equal("RS", original[0].Code);
    }

    [Fact]
    public void EachReport_CarriesTheTensionOfItsOwnText()
    {
        var coverage = StoryCoverage.Of(Copies());

        var example = fixture.EnrichExample();
        Assert.Equal(example.Tags.Tension.Value, coverage.Outlets[0].Tension);
        Assert.All(coverage.Outlets, report => Assert.Equal(report.First.Tags.Tension.Value, report.Tension));
    }

    [Fact]
    public void NoArticles_MeanNoOutlets()
    {
        var coverage = StoryCoverage.Of([]);

        Assert.Empty(coverage.Outlets);
        Assert.Null(coverage.FirstReported);
    }

    private IReadOnlyList<EnrichedArticle> Copies() => ExampleStory.Enriched(fixture.Enricher, ExampleStory.Original());
}

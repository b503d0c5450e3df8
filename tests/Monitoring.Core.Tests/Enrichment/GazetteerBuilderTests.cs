using Monitoring.Core.Enrichment.Countries;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment;

public sealed class GazetteerBuilderTests
{
    private static readonly Lazy<GazetteerBuild> Built = new(() =>
        GazetteerBuilder.Build(Path.Combine(RepositoryPaths.Corpora, "gazetteer"), Path.Combine(RepositoryPaths.Seeds, "enrichment")));

    private static GazetteerBuild Build()
    {
        var data = Path.Combine(RepositoryPaths.Corpora, "gazetteer");
        if (!Directory.Exists(data))
        {
            Assert.Skip($"The shared gazetteer data is not at {data} (set MONITORING_CORPORA).");
        }

        return Built.Value;
    }

    [Theory]
    [InlineData("Belgrade", "RS")]
    [InlineData("Beograd", "RS")]
    [InlineData("Београд", "RS")]
    [InlineData("Pristina", "XK")]
    [InlineData("Prishtinë", "XK")]
    [InlineData("Kosovo", "XK")]
    [InlineData("Banja Luka", "BA")]
    [InlineData("Podgorica", "ME")]
    [InlineData("Serbian", "RS")]
    [InlineData("Moscow", "RU")]
    public void Maps_ThePlace_ToItsCountry(string text, string code)
    {
        var entries = Build().Entries.Where(entry => entry.Text == text).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.Equal(code, entry.Code));
    }

    [Theory]
    [InlineData("Bar")]
    [InlineData("Nice")]
    [InlineData("Victoria")]
    [InlineData("Of")]
    [InlineData("Mobile")]
    [InlineData("IT")]
    public void LeavesOut_NamesThatAreOrdinaryWords(string text)
    {
        Assert.DoesNotContain(Build().Entries, entry => entry.Text == text && entry.Code != GazetteerEntry.BlockerCode);
    }

    [Fact]
    public void KeepsATownOfTheRegionNamedByAnEnglishWord_ForItsOwnLanguageOnly()
    {
        var split = Build().Entries.Where(entry => entry.Text == "Split").ToList();

        Assert.NotEmpty(split);
        Assert.All(split, entry => Assert.Equal(("HR", "hr"), (entry.Code, entry.Language)));
    }

    [Theory]
    [InlineData("Zvečan", "XK")]
    [InlineData("Zubin Potok", "XK")]
    [InlineData("Leposavić", "XK")]
    [InlineData("Gnjilane", "XK")]
    [InlineData("Gjilan", "XK")]
    [InlineData("Uroševac", "XK")]
    [InlineData("Ferizaj", "XK")]
    [InlineData("Đakovica", "XK")]
    [InlineData("Gjakova", "XK")]
    [InlineData("Štrpce", "XK")]
    [InlineData("Shtërpcë", "XK")]
    [InlineData("Vushtrri", "XK")]
    [InlineData("Novi Pazar", "RS")]
    [InlineData("Šabac", "RS")]
    [InlineData("Kolašin", "ME")]
    [InlineData("Andrijevica", "ME")]
    [InlineData("Jastrebarsko", "HR")]
    [InlineData("Ljutomer", "SI")]
    public void MapsSmallTownsOfTheRegion_ToTheirCountry(string text, string code)
    {
        var entries = Build().Entries.Where(entry => entry.Text == text).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.Equal(code, entry.Code));
    }

    [Theory]
    [InlineData("Most")]
    [InlineData("Polje")]
    [InlineData("Luka")]
    [InlineData("Brod")]
    [InlineData("Vrh")]
    [InlineData("Istok")]
    [InlineData("Centar")]
    [InlineData("Visoko")]
    public void LeavesOut_TownsNamedByAnOrdinaryWordOfTheRegion(string text)
    {
        Assert.DoesNotContain(Build().Entries, entry => entry.Text == text && entry.Code != GazetteerEntry.BlockerCode);
    }

    [Fact]
    public void KeepsNoLowercaseRomanisation_OfAPlaceName()
    {
        // GeoNames lists "bori" and "baru" among the names of Bor and Bar: words, not how anyone writes the towns.
        Assert.DoesNotContain(Build().Entries, entry => entry.Origin.StartsWith("geonames", StringComparison.Ordinal) && char.IsLower(entry.Text[0]));
    }

    [Fact]
    public void KnowsKosovo_AsXK()
    {
        Assert.Equal("Kosovo", Build().Countries["XK"]);
    }

    [Fact]
    public void ShippedGazetteer_IsWhatTheBuilderMakesToday()
    {
        var build = Build();
        var shipped = GazetteerFile.ReadEntries(Path.Combine(RepositoryPaths.Seeds, "enrichment", GazetteerFile.EntriesFileName));

        Assert.Equal(build.Entries.Count, shipped.Count);
        Assert.Equal(build.Entries, shipped);
    }
}

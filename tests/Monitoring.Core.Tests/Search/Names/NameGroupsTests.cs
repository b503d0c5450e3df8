using Monitoring.Core.Enrichment.Countries;
using Monitoring.Core.Search.Names;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Search.Names;

/// <summary>The names search treats as one: built from the gazetteer and GeoNames, shipped with the actors.</summary>
public sealed class NameGroupsTests
{
    private static readonly Lazy<IReadOnlyList<NameGroup>> Built = new(() =>
    {
        var data = Path.Combine(RepositoryPaths.Corpora, "gazetteer");
        return NameGroupsBuilder.Build(
            Path.Combine(data, "geonames"),
            GazetteerBuilder.Build(data, Path.Combine(RepositoryPaths.Seeds, "enrichment")));
    });

    private static readonly Lazy<IReadOnlyList<NameGroup>> Shipped = new(() => SearchNames.LoadFrom(RepositoryPaths.Seeds).Groups);

    [Theory]
    [InlineData("Belgrade", "Beograd", "Београд", "Beogradi", "Belgrad")]
    [InlineData("Pristina", "Priština", "Приштина", "Prishtinë", "Prishtina")]
    [InlineData("Gjilan", "Gnjilane", "Гњилане", "Gjilani")]
    [InlineData("Skopje", "Скопје", "Skoplje")]
    public void APlaceOfTheRegion_IsOneGroup_OfItsNamesInTheRegionsLanguagesAndScripts(string display, params string[] names)
    {
        foreach (var groups in new[] { Built.Value, Shipped.Value })
        {
            var place = Assert.Single(groups, group => group.Kind == NameGroupKind.Place && group.Names[0] == display);
            Assert.All(names, name => Assert.Contains(name, place.Names));
        }
    }

    [Theory]
    [InlineData("Belgrade", "Belgrado")]
    [InlineData("Belgrade", "Singidunum")]
    [InlineData("Belgrade", "Bělehrad")]
    [InlineData("Pristina", "Pristine")]
    [InlineData("Skopje", "Üsküb")]
    public void OtherLanguagesExonymsAndEnglishWords_StayOut(string display, string name)
    {
        var place = Assert.Single(Built.Value, group => group.Kind == NameGroupKind.Place && group.Names[0] == display);

        Assert.DoesNotContain(name, place.Names);
    }

    [Fact]
    public void ACountry_IsOneGroup_OfTheNamesTheGazetteerKnowsItBy()
    {
        var kosovo = Assert.Single(Built.Value, group => group.Kind == NameGroupKind.Country && group.Code == "XK");

        Assert.Equal("Kosovo", kosovo.Names[0]);
        Assert.Contains("Kosova", kosovo.Names);
        Assert.Contains("Kosovë", kosovo.Names);
        Assert.DoesNotContain(Built.Value, group => group.Kind == NameGroupKind.Country && group.Code == "XK" && group != kosovo);
    }

    [Fact]
    public void TheShippedFile_IsWhatTheBuilderMakes_AndHoldsTheActorsToo()
    {
        var places = Shipped.Value.Where(group => group.Kind is NameGroupKind.Place or NameGroupKind.Country).ToList();

        Assert.Equal(Built.Value.Select(group => string.Join('|', group.Names)), places.Select(group => string.Join('|', group.Names)));
        var shoigu = Assert.Single(Shipped.Value, group => group.Kind == NameGroupKind.Person && group.Names[0] == "Sergei Shoigu");
        Assert.Equal("RU", shoigu.Code);
        Assert.Contains("Šojgu", shoigu.Names);
        Assert.Contains("Шојгу", shoigu.Names);
    }

    [Fact]
    public void AMalformedLine_IsRefused_NamingFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"name-groups-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# header\nplace\tRS\tBelgrade|Beograd\nvillage\tRS\tA|B\n");
        try
        {
            var refused = Assert.Throws<InvalidDataException>(() => NameGroupsFile.Read(path));
            Assert.Contains("line 3", refused.Message, StringComparison.Ordinal);
            Assert.Contains("village", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

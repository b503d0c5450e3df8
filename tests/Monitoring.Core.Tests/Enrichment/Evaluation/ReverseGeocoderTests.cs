using Monitoring.Core.Enrichment.Evaluation;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment.Evaluation;

/// <summary>Coordinates and expected countries checked by hand against cities15000 and mledoze's latlng.</summary>
public sealed class ReverseGeocoderTests
{
    private static readonly Lazy<ReverseGeocoder> Loaded = new(() => ReverseGeocoder.Load(Path.Combine(RepositoryPaths.Corpora, "gazetteer")));

    private static ReverseGeocoder Geocoder()
    {
        var data = Path.Combine(RepositoryPaths.Corpora, "gazetteer");
        if (!Directory.Exists(data))
        {
            Assert.Skip($"The shared gazetteer data is not at {data} (set MONITORING_CORPORA).");
        }

        return Loaded.Value;
    }

    [Fact]
    public void APointInBelgrade_IsSerbia_ByItsNearestPlace()
    {
        var place = Geocoder().Locate(44.81, 20.46);

        Assert.Equal("RS", place.Code);
        Assert.Equal(ReverseGeocodeMethod.NearestPlace, place.Method);
        Assert.Equal("Belgrade", place.Place);
    }

    [Fact]
    public void ACountrysReferencePoint_IsThatCountry()
    {
        var place = Geocoder().Locate(23, -102);

        Assert.Equal("MX", place.Code);
        Assert.Equal(ReverseGeocodeMethod.CountryReferencePoint, place.Method);
    }

    [Fact]
    public void CentralRome_IsItaly_ThoughTheVaticansReferencePointIsFourKilometresAway()
    {
        Assert.Equal("IT", Geocoder().Locate(41.89, 12.51).Code);
    }

    [Fact]
    public void Distance_BelgradeToPristina_IsAboutTwoHundredFiftyKilometres()
    {
        // 44.80 N 20.47 E to 42.67 N 21.17 E: 2.13° of latitude ≈ 237 km, plus the eastward shift.
        var km = ReverseGeocoder.DistanceKm(44.80401, 20.46513, 42.666667, 21.166667);

        Assert.InRange(km, 240, 250);
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Monitoring.Core.Enrichment.Evaluation;

/// <summary>How a coordinate was given its country.</summary>
public enum ReverseGeocodeMethod
{
    /// <summary>The point is a country's own reference point (the coordinates an atlas gives for the country itself).</summary>
    CountryReferencePoint,

    /// <summary>The country of the nearest populated place.</summary>
    NearestPlace,
}

/// <summary>The country of a coordinate, the place it was read from and how far away that place is.</summary>
public sealed record ReverseGeocode(string Code, string Place, double DistanceKm, ReverseGeocodeMethod Method);

/// <summary>
/// Gives a coordinate its country, for corpora that annotate toponyms with coordinates only (GeoVirus).
/// No country polygons are available here, so: a point within <see cref="ReferencePointToleranceKm"/> of a
/// country's reference point (mledoze <c>latlng</c>) is that country — corpora put "Mexico" at the atlas point
/// of Mexico, which can lie nearer a neighbour's town than any of its own; any other point takes the country of
/// the nearest GeoNames populated place (cities15000). Near borders and in empty land the nearest place can be
/// across the border; that error is part of the gold standard this builds and is reported with it.
/// </summary>
public sealed class ReverseGeocoder
{
    /// <summary>Rome lies 4 km from the Vatican's reference point, so the match must be close to exact.</summary>
    public const double ReferencePointToleranceKm = 2;

    private const double EarthRadiusKm = 6371.0;

    private readonly IReadOnlyList<(double Lat, double Lon, string Code, string Name)> _places;
    private readonly IReadOnlyList<(double Lat, double Lon, string Code, string Name)> _referencePoints;

    private ReverseGeocoder(
        IReadOnlyList<(double Lat, double Lon, string Code, string Name)> places,
        IReadOnlyList<(double Lat, double Lon, string Code, string Name)> referencePoints)
    {
        _places = places;
        _referencePoints = referencePoints;
    }

    /// <param name="gazetteerFolder">The <c>gazetteer</c> folder of the shared data (geonames/cities15000.zip, mledoze-countries/countries.json).</param>
    public static ReverseGeocoder Load(string gazetteerFolder)
    {
        var places = new List<(double, double, string, string)>();
        using (var archive = ZipFile.OpenRead(Path.Combine(gazetteerFolder, "geonames", "cities15000.zip")))
        {
            var file = archive.Entries.Single(entry => entry.Name.EndsWith(".txt", StringComparison.Ordinal));
            using var reader = new StreamReader(file.Open(), Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                // geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, …
                var fields = line.Split('\t');
                places.Add((Parse(fields[4]), Parse(fields[5]), fields[8], fields[1]));
            }
        }

        var referencePoints = new List<(double, double, string, string)>();
        using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(gazetteerFolder, "mledoze-countries", "countries.json"))))
        {
            foreach (var country in document.RootElement.EnumerateArray())
            {
                var point = country.GetProperty("latlng");
                if (point.GetArrayLength() == 2)
                {
                    referencePoints.Add((point[0].GetDouble(), point[1].GetDouble(), country.GetProperty("cca2").GetString()!,
                        country.GetProperty("name").GetProperty("common").GetString()!));
                }
            }
        }

        return new ReverseGeocoder(places, referencePoints);
    }

    /// <summary>The country of a point in decimal degrees.</summary>
    public ReverseGeocode Locate(double latitude, double longitude)
    {
        var (referenceKm, reference) = Nearest(_referencePoints, latitude, longitude);
        if (referenceKm <= ReferencePointToleranceKm)
        {
            return new ReverseGeocode(reference.Code, reference.Name, referenceKm, ReverseGeocodeMethod.CountryReferencePoint);
        }

        var (placeKm, place) = Nearest(_places, latitude, longitude);
        return new ReverseGeocode(place.Code, place.Name, placeKm, ReverseGeocodeMethod.NearestPlace);
    }

    /// <summary>Great-circle distance (haversine) in kilometres.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
            (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static (double Km, (double Lat, double Lon, string Code, string Name) Point) Nearest(
        IReadOnlyList<(double Lat, double Lon, string Code, string Name)> points, double latitude, double longitude)
    {
        var best = (Km: double.MaxValue, Point: points[0]);
        foreach (var point in points)
        {
            var km = DistanceKm(latitude, longitude, point.Lat, point.Lon);
            if (km < best.Km)
            {
                best = (km, point);
            }
        }

        return best;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

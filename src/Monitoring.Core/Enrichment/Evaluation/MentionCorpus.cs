using System.Globalization;
using System.Xml.Linq;

namespace Monitoring.Core.Enrichment.Evaluation;

/// <summary>The two geoparsing layouts <see cref="MentionCorpus"/> reads.</summary>
public enum MentionCorpusLayout
{
    /// <summary>LGL: <c>toponym</c> with <c>start</c>, <c>end</c>, <c>phrase</c> and the GeoNames country in <c>gaztag/country</c>.</summary>
    Lgl,

    /// <summary>GeoVirus: <c>location</c> with <c>start</c>, <c>end</c>, <c>name</c>, <c>lat</c>/<c>lon</c> and a Wikipedia <c>page</c>.</summary>
    GeoVirus,
}

/// <param name="Phrase">The toponym as the text writes it.</param>
/// <param name="Start">Character offset into the article's text (inclusive).</param>
/// <param name="End">Character offset (exclusive).</param>
/// <param name="Code">The gold country (ISO 3166-1 alpha-2); null when the gold name is no country we know.</param>
/// <param name="Note">The gold country's name (LGL) or where the coordinate lies (GeoVirus), for error lists.</param>
public sealed record GoldToponym(string Phrase, int Start, int End, string? Code, string Note);

public sealed record MentionArticle(string Text, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>
/// A geoparsing corpus read for mention-level evaluation, with what had to be left out and why: toponyms whose
/// offsets do not lie in the text, GeoVirus toponyms without a usable coordinate, and places of several countries.
/// A layout it does not know is refused (<see cref="DetectLayout"/>) rather than read as "no toponyms".
/// </summary>
public sealed class MentionCorpus
{
    /// <summary>What the command expects, for the message that refuses another layout.</summary>
    public const string ExpectedLayouts =
        "LGL (<article><text>…</text><toponyms><toponym><start/><end/><phrase/><gaztag><country/></gaztag></toponym>) or "
        + "GeoVirus (<article><text>…</text><locations><location><start/><end/><name/><lat/><lon/><page/></location>)";

    // GeoVirus pins continents, seas, unions and regions shared by several countries to a point (Africa in the
    // Central African Republic, the Pacific in American Samoa); no single country is the right answer for them.
    private static readonly HashSet<string> SeveralCountryPages = new(StringComparer.Ordinal)
    {
        "Africa", "Asia", "Europe", "Americas", "North_America", "South_America", "Central_America",
        "Middle_East", "South_Asia", "West_Africa", "East_Africa", "Central_Africa", "Northern_Europe",
        "Western_Europe", "Eastern_Mediterranean", "Mediterranean_Sea", "Black_Sea", "Baltic_Sea",
        "Pacific_Ocean", "Atlantic_Ocean", "Indian_Ocean", "Pacific_Northwest", "Lake_Erie", "Lake_Titicaca",
        "Kashmir", "European_Union",
    };

    private MentionCorpus(MentionCorpusLayout layout)
    {
        Layout = layout;
    }

    public MentionCorpusLayout Layout { get; }

    public IReadOnlyList<MentionArticle> Articles => _articles;

    /// <summary>Toponyms left out because an offset is missing, not a number, negative, reversed or beyond the text.</summary>
    public int BadOffsets { get; private set; }

    /// <summary>GeoVirus toponyms left out because their coordinate is missing or not a number.</summary>
    public int BadCoordinates { get; private set; }

    /// <summary>GeoVirus toponyms of continents, seas and shared regions, left out: no single country is right.</summary>
    public int SeveralCountries { get; private set; }

    /// <summary>Gold country names that no country name or alias of the gazetteer matches, with how often each occurs.</summary>
    public IReadOnlyDictionary<string, int> UnmatchedCountryNames => _unmatched;

    private readonly List<MentionArticle> _articles = [];
    private readonly SortedDictionary<string, int> _unmatched = new(StringComparer.Ordinal);

    /// <summary>
    /// The layout told from the elements, or null when the document is neither: articles with a text, and LGL
    /// toponyms with a phrase and a gazetteer country, or GeoVirus locations with a coordinate. A corpus with the
    /// same element names but other children (GeoWebNews' <c>toponym</c> with <c>extractedName</c>) is neither.
    /// </summary>
    public static MentionCorpusLayout? DetectLayout(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var articles = document.Descendants("article").Where(article => article.Element("text") is not null).ToList();
        if (articles.Count == 0)
        {
            return null;
        }

        if (articles.SelectMany(article => article.Descendants("location")).Any(location => location.Element("lat") is not null && location.Element("lon") is not null))
        {
            return MentionCorpusLayout.GeoVirus;
        }

        if (articles.SelectMany(article => article.Descendants("toponym")).Any(toponym => toponym.Element("phrase") is not null && toponym.Element("gaztag")?.Element("country") is not null))
        {
            return MentionCorpusLayout.Lgl;
        }

        return null;
    }

    /// <param name="countryCode">The country code of a gold country name (through the gazetteer's aliases), or null.</param>
    /// <param name="geocoder">Loads the reverse geocoder GeoVirus needs (its gold is a coordinate); called once, and only when a coordinate is to be located.</param>
    /// <exception cref="InvalidDataException">The layout is neither LGL nor GeoVirus; the message names the expected layouts.</exception>
    public static MentionCorpus Read(XDocument document, Func<string, string?> countryCode, Func<ReverseGeocoder> geocoder)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        ArgumentNullException.ThrowIfNull(geocoder);
        var layout = DetectLayout(document)
            ?? throw new InvalidDataException($"not a layout this evaluation knows; expected {ExpectedLayouts}.");
        var corpus = new MentionCorpus(layout);
        var located = new Lazy<ReverseGeocoder>(geocoder);
        foreach (var element in document.Descendants("article").Where(article => article.Element("text") is not null))
        {
            var text = element.Element("text")!.Value;
            var toponyms = layout == MentionCorpusLayout.Lgl
                ? corpus.LglToponyms(element, text, countryCode)
                : corpus.GeoVirusToponyms(element, text, located);
            corpus._articles.Add(new MentionArticle(text, toponyms.ToList()));
        }

        return corpus;
    }

    private IEnumerable<GoldToponym> LglToponyms(XElement article, string text, Func<string, string?> countryCode)
    {
        foreach (var toponym in article.Descendants("toponym"))
        {
            if (toponym.Element("gaztag")?.Element("country")?.Value is not { } countryName)
            {
                continue;
            }

            if (Span(toponym, text) is not { } span)
            {
                BadOffsets++;
                continue;
            }

            var code = countryCode(countryName.Trim());
            if (code is null)
            {
                _unmatched[countryName.Trim()] = _unmatched.GetValueOrDefault(countryName.Trim()) + 1;
            }

            yield return new GoldToponym(toponym.Element("phrase")?.Value ?? "", span.Start, span.End, code, countryName);
        }
    }

    private IEnumerable<GoldToponym> GeoVirusToponyms(XElement article, string text, Lazy<ReverseGeocoder> geocoder)
    {
        foreach (var location in article.Descendants("location"))
        {
            var phrase = location.Element("name")?.Value ?? "";
            var page = (location.Element("page")?.Value ?? "").Split('/')[^1];
            if (SeveralCountryPages.Contains(page))
            {
                SeveralCountries++;
                continue;
            }

            if (Span(location, text) is not { } span)
            {
                BadOffsets++;
                continue;
            }

            if (Number(location, "lat") is not { } latitude || Number(location, "lon") is not { } longitude
                || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
            {
                BadCoordinates++;
                continue;
            }

            var place = geocoder.Value.Locate(latitude, longitude);
            var note = place.Method == ReverseGeocodeMethod.CountryReferencePoint
                ? $"{page} at the reference point of {place.Place}"
                : string.Create(CultureInfo.InvariantCulture, $"{page} {place.DistanceKm:0} km from {place.Place}");
            yield return new GoldToponym(phrase, span.Start, span.End, place.Code, note);
        }
    }

    // Offsets a corpus gets wrong (negative, reversed, past the end) would cut outside the text.
    private static (int Start, int End)? Span(XElement element, string text) =>
        int.TryParse(element.Element("start")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
        && int.TryParse(element.Element("end")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var end)
        && start >= 0 && end > start && end <= text.Length
            ? (start, end)
            : null;

    private static double? Number(XElement element, string name) =>
        double.TryParse(element.Element(name)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
}

using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval mentions FILE.xml</c>: mention-level country resolution against a geoparsing corpus. Two formats,
/// told apart by their elements: LGL (<c>toponym</c> with <c>start</c>/<c>end</c> and the GeoNames country in
/// <c>gaztag/country</c>) and GeoVirus (<c>location</c> with <c>start</c>/<c>end</c>, <c>lat</c>/<c>lon</c> and
/// a Wikipedia <c>page</c>; the gold country is the coordinate's, by <see cref="ReverseGeocoder"/>). A gold
/// toponym counts as found when one of our country mentions overlaps its span, and as correct when that
/// mention's country is the gold one.
/// </summary>
internal static class EvalMentionsCommand
{
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

    private sealed record GoldToponym(string Phrase, int Start, int End, string? Code, string Note);

    public static int Run(IReadOnlyList<string> args)
    {
        var positional = CliOptions.Positional(args);
        var file = CliOptions.ExistingFile(positional.Count > 0 ? positional[0] : Path.Combine("..", "shared", "data", "geoparsing", "lgl.xml"), "eval mentions");
        var gazetteer = CliOptions.Value(args, "--gazetteer") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "..", "gazetteer");
        var errorsFile = CliOptions.Value(args, "--errors");
        var model = EnrichmentModel.LoadFrom(CliOptions.Value(args, "--seeds") ?? "seeds");
        var enricher = new ArticleEnricher(model);
        var codeByName = model.CountryNames.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (XmlException problem)
        {
            throw new CommandLineException($"eval mentions: {file} is not LGL or GeoVirus XML ({problem.Message})");
        }

        var isGeoVirus = document.Descendants("location").Any();
        var geocoder = isGeoVirus ? ReverseGeocoder.Load(gazetteer) : null;

        var gold = 0;
        var found = 0;
        var correct = 0;
        var unknownCountry = 0;
        var severalCountries = 0;
        var articles = 0;
        var wrong = new Dictionary<string, int>(StringComparer.Ordinal);
        var errorLines = new List<string> { "kind\tphrase\tgold\tpredicted\tgold note\tcontext" };
        var watch = new Stopwatch();
        foreach (var element in document.Descendants("article"))
        {
            var text = element.Element("text")?.Value ?? "";
            var article = new Article
            {
                Id = ArticleId.ForContent("geoparsing", "", text),
                Title = "",
                Paragraphs = [text],
                Source = Path.GetFileNameWithoutExtension(file),
                Language = "en",
                IngestedAt = DateTimeOffset.UnixEpoch,
            };
            watch.Start();
            var countries = enricher.Enrich(article).Tags.Countries;
            watch.Stop();
            articles++;
            var spans = countries.SelectMany(country => country.Positions.Select(span => (country.Code, span.Start, End: span.Start + span.Length))).ToList();
            var toponyms = isGeoVirus ? GeoVirusToponyms(element, geocoder!) : LglToponyms(element, codeByName);
            foreach (var toponym in toponyms)
            {
                if (toponym.Note == "several countries")
                {
                    severalCountries++;
                    continue;
                }

                gold++;
                if (toponym.Code is not { } expected)
                {
                    unknownCountry++;
                    continue;
                }

                var overlapping = spans.Where(span => span.Start < toponym.End && toponym.Start < span.End).Select(span => span.Code).ToList();
                var context = Context(text, toponym.Start, toponym.End);
                if (overlapping.Count == 0)
                {
                    errorLines.Add($"not found\t{toponym.Phrase}\t{expected}\t\t{toponym.Note}\t{context}");
                    continue;
                }

                found++;
                if (overlapping.Any(code => HistoricSuccessors.Comparable(code) == HistoricSuccessors.Comparable(expected)))
                {
                    correct++;
                }
                else
                {
                    var key = $"{toponym.Phrase}: {expected}→{overlapping[0]}";
                    wrong[key] = wrong.GetValueOrDefault(key) + 1;
                    errorLines.Add($"wrong\t{toponym.Phrase}\t{expected}\t{string.Join(',', overlapping)}\t{toponym.Note}\t{context}");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {articles} articles, {gold} toponyms with a country ({articles / watch.Elapsed.TotalSeconds:0} articles/s)."));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| toponyms found (a country mention overlaps) | {found} ({(double)found / gold:0.000}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| country correct, of those found | {correct} ({(double)correct / Math.Max(found, 1):0.000}) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| country correct, of all toponyms | {(double)correct / gold:0.000} |"));
        if (unknownCountry > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| gold country name not in countries.tsv | {unknownCountry} |"));
        }

        if (severalCountries > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| left out: continents, seas, regions of several countries | {severalCountries} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Most frequent wrong countries: {string.Join("; ", wrong.OrderByDescending(pair => pair.Value).Take(12).Select(pair => $"{pair.Key} ×{pair.Value}"))}");
        if (errorsFile is not null)
        {
            File.WriteAllLines(errorsFile, errorLines);
            Console.WriteLine($"Wrote {errorLines.Count - 1} errors to {errorsFile}.");
        }

        return 0;
    }

    private static IEnumerable<GoldToponym> LglToponyms(XElement article, Dictionary<string, string> codeByName)
    {
        foreach (var toponym in article.Descendants("toponym"))
        {
            if (toponym.Element("gaztag")?.Element("country")?.Value is not { } countryName)
            {
                continue;
            }

            yield return new GoldToponym(
                toponym.Element("phrase")?.Value ?? "",
                Offset(toponym, "start"),
                Offset(toponym, "end"),
                codeByName.GetValueOrDefault(countryName),
                countryName);
        }
    }

    private static IEnumerable<GoldToponym> GeoVirusToponyms(XElement article, ReverseGeocoder geocoder)
    {
        foreach (var location in article.Descendants("location"))
        {
            var phrase = location.Element("name")?.Value ?? "";
            var page = (location.Element("page")?.Value ?? "").Split('/')[^1];
            if (SeveralCountryPages.Contains(page))
            {
                yield return new GoldToponym(phrase, 0, 0, null, "several countries");
                continue;
            }

            var latitude = double.Parse(location.Element("lat")!.Value, CultureInfo.InvariantCulture);
            var longitude = double.Parse(location.Element("lon")!.Value, CultureInfo.InvariantCulture);
            var place = geocoder.Locate(latitude, longitude);
            var note = place.Method == ReverseGeocodeMethod.CountryReferencePoint
                ? $"{page} at the reference point of {place.Place}"
                : string.Create(CultureInfo.InvariantCulture, $"{page} {place.DistanceKm:0} km from {place.Place}");
            yield return new GoldToponym(phrase, Offset(location, "start"), Offset(location, "end"), place.Code, note);
        }
    }

    private static int Offset(XElement element, string name) => int.Parse(element.Element(name)!.Value, CultureInfo.InvariantCulture);

    private static string Context(string text, int start, int end)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, end + 40);
        return text[from..to].ReplaceLineEndings(" ").Replace('\t', ' ');
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>The gazetteer built from the public data sets, ready to be written with <see cref="GazetteerFile"/>.</summary>
public sealed record GazetteerBuild(IReadOnlyList<GazetteerEntry> Entries, IReadOnlyDictionary<string, string> Countries);

/// <summary>
/// Builds the shipped gazetteer from mledoze/countries (names, spellings, demonyms, capitals; ODbL-1.0),
/// Debian iso-codes (names in Balkan languages; LGPL-2.1+), GeoNames cities15000 and, for the region, every
/// settlement of 1,000 people or more of cities1000 (CC BY), plus the project's curated
/// <c>gazetteer-supplement.tsv</c>. Precision first: city names that are country names elsewhere, ordinary
/// words of the region's languages (<c>regional-common-words.txt</c>: Bar, Luka, Most, Polje, Brod…) or shared
/// by similar-sized places of different countries are left out; a town of the region whose name is an English
/// word (Split) is kept for the texts of its own language only.
/// </summary>
public static class GazetteerBuilder
{
    /// <summary>Cities of the monitored region are kept down to the 15,000 inhabitants of the GeoNames file.</summary>
    public static readonly IReadOnlySet<string> RegionCodes =
        new HashSet<string>(["AL", "BA", "HR", "ME", "MK", "RS", "SI", "XK"], StringComparer.Ordinal);

    /// <summary>The language a town of the region is written in when its name is also an English word (Split is hr).</summary>
    private static readonly Dictionary<string, string> RegionLanguages = new(StringComparer.Ordinal)
    {
        ["AL"] = "sq",
        ["BA"] = "bs",
        ["HR"] = "hr",
        ["ME"] = "sr",
        ["MK"] = "mk",
        ["RS"] = "sr",
        ["SI"] = "sl",
        ["XK"] = "sq",
    };

    /// <summary>Elsewhere only large cities are known well enough by name to tell the country.</summary>
    public const int WorldCityMinimumPopulation = 300_000;

    // A shared city name is kept only when one city dwarfs the others by this factor (Paris, France vs Paris, Texas).
    private static readonly int DominanceFactor = 5;

    // Short codes from altSpellings that are used as words in news; other 2–3 letter codes ("IT", "IN") are ordinary words.
    private static readonly HashSet<string> UsableAbbreviations = new(["UK", "USA", "UAE", "DRC", "BiH"], StringComparer.Ordinal);

    // iso-codes CSV columns worth keeping, with the language tag written to the gazetteer.
    private static readonly (string Column, string Language)[] IsoLanguages =
        [("sr", "sr"), ("sr@latin", "sr"), ("hr", "hr"), ("bs", "bs"), ("sq", "sq"), ("mk", "mk"), ("sl", "sl"), ("ru", "ru")];

    /// <param name="dataFolder">The <c>gazetteer</c> folder of the shared data (mledoze-countries, iso-codes-debian, geonames).</param>
    /// <param name="curatedFolder">
    /// Holds <c>common-words.txt</c>, <c>regional-common-words.txt</c>, <c>inflection.tsv</c>,
    /// <c>gazetteer-supplement.tsv</c> and <c>historic-states.tsv</c> (seeds/enrichment).
    /// </param>
    public static GazetteerBuild Build(string dataFolder, string curatedFolder)
    {
        var commonWords = ReadCommonWords(Path.Combine(curatedFolder, "common-words.txt"));
        var regionalWords = new RegionalWords(
            ReadCommonWords(Path.Combine(curatedFolder, RegionalCommonWordsFileName)),
            InflectionRules.Read(Path.Combine(curatedFolder, InflectionRules.FileName)));
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<GazetteerEntry>();

        AddMledoze(Path.Combine(dataFolder, "mledoze-countries", "countries.json"), countries, entries, commonWords);
        AddIsoCodes(Path.Combine(dataFolder, "iso-codes-debian", "iso_3166-1_names_multilang.csv"), countries, entries);

        // Withdrawn codes (SU, YU, CS, DD) for the archives that still name those states.
        foreach (var (code, name) in GazetteerFile.ReadCountries(Path.Combine(curatedFolder, "historic-states.tsv")))
        {
            countries.TryAdd(code, name);
        }

        entries.AddRange(GazetteerFile.ReadEntries(Path.Combine(curatedFolder, "gazetteer-supplement.tsv")));

        var countryKeys = entries.Where(entry => entry.Kind != GazetteerKind.City).Select(entry => Key(entry.Text)).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(ReadCities(Path.Combine(dataFolder, "geonames"), commonWords, regionalWords, countryKeys));

        // Curated rows first, so that where a source says the same as the supplement the row is marked curated
        // and the tagger's preference for the project's decision (American = US, not MP) holds.
        var distinct = entries
            .OrderByDescending(entry => entry.Origin == "curated")
            .Where(entry => entry.Code == GazetteerEntry.BlockerCode || countries.ContainsKey(entry.Code))
            // Distinct by surface, not key: the key folds scripts, and the shipped file keeps both (Beograd, Београд).
            .DistinctBy(entry => (entry.Text, entry.Code, entry.Language))
            .OrderBy(entry => entry.Code, StringComparer.Ordinal)
            .ThenBy(entry => entry.Kind)
            .ThenBy(entry => entry.Language, StringComparer.Ordinal)
            .ThenBy(entry => entry.Text, StringComparer.Ordinal)
            .ToList();

        return new GazetteerBuild(distinct, countries);
    }

    /// <summary>
    /// The origin of places known only from cities1000 (1,000 to 15,000 people): the tagger asks more of them,
    /// as their names are more often someone's name or an ordinary word than a place the reader means.
    /// </summary>
    public const string SmallPlaceOrigin = "geonames1000";

    /// <summary>Ordinary words of the region's languages that are also names of its towns, in <c>seeds/enrichment</c>.</summary>
    public const string RegionalCommonWordsFileName = "regional-common-words.txt";

    /// <summary>The look-up key of a surface form: its lowercased words joined by single spaces.</summary>
    internal static string Key(string text) => string.Join(' ', Tokenizer.Tokenize(text).Select(token => token.Key));

    private static void AddMledoze(string path, Dictionary<string, string> countries, List<GazetteerEntry> entries, HashSet<string> commonWords)
    {
        const string Origin = "mledoze";
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var country in document.RootElement.EnumerateArray())
        {
            var code = country.GetProperty("cca2").GetString()!;
            var name = country.GetProperty("name");
            var common = name.GetProperty("common").GetString()!;
            countries[code] = common;

            entries.Add(new(common, code, GazetteerKind.Name, "en", Origin));
            entries.Add(new(name.GetProperty("official").GetString()!, code, GazetteerKind.Name, "en", Origin));

            foreach (var spelling in country.GetProperty("altSpellings").EnumerateArray().Select(value => value.GetString()!))
            {
                var isCode = spelling.Length <= 3 && spelling.All(char.IsUpper);
                if (!isCode || UsableAbbreviations.Contains(spelling))
                {
                    entries.Add(new(spelling, code, GazetteerKind.Name, IsAscii(spelling) ? "en" : GazetteerEntry.AnyLanguage, Origin));
                }
            }

            foreach (var capital in country.GetProperty("capital").EnumerateArray().Select(value => value.GetString()!))
            {
                if (!commonWords.Contains(Key(capital)))
                {
                    entries.Add(new(capital, code, GazetteerKind.Capital, "en", Origin));
                }
            }

            if (country.GetProperty("demonyms").TryGetProperty("eng", out var english))
            {
                var demonyms = english.EnumerateObject()
                    .SelectMany(form => form.Value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Distinct(StringComparer.Ordinal);
                foreach (var demonym in demonyms)
                {
                    entries.Add(new(demonym, code, GazetteerKind.Demonym, "en", Origin));

                    // "Serbian" → "Serbians"; other plurals (Serbs, Croats) are curated.
                    if (demonym.EndsWith("an", StringComparison.Ordinal))
                    {
                        entries.Add(new(demonym + "s", code, GazetteerKind.Demonym, "en", Origin));
                    }
                }
            }
        }
    }

    private static void AddIsoCodes(string path, Dictionary<string, string> countries, List<GazetteerEntry> entries)
    {
        const string Origin = "iso-codes";
        var rows = File.ReadLines(path).Select(ParseCsvLine).ToList();
        var header = rows[0];
        foreach (var row in rows.Skip(1))
        {
            var code = row[0];
            var field = row[Array.IndexOf(header, "field")];
            if (!countries.ContainsKey(code) || field is not ("name" or "common_name"))
            {
                continue;
            }

            // "Korea, Republic of" is a catalogue form nobody writes in running text.
            var english = row[Array.IndexOf(header, "en")];
            if (!english.Contains(',', StringComparison.Ordinal))
            {
                entries.Add(new(english, code, GazetteerKind.Name, "en", Origin));
            }

            foreach (var (column, language) in IsoLanguages)
            {
                var index = Array.IndexOf(header, column);
                if (index >= 0 && index < row.Length && row[index].Length > 0 && !row[index].Contains(',', StringComparison.Ordinal))
                {
                    entries.Add(new(row[index], code, GazetteerKind.Name, language, Origin));
                }
            }
        }
    }

    private static IEnumerable<GazetteerEntry> ReadCities(string geonamesFolder, HashSet<string> commonWords, RegionalWords regionalWords, HashSet<string> countryKeys)
    {
        var candidates = new List<(GazetteerEntry Entry, long Population)>();
        foreach (var (fields, smallPlaces) in CityRecords(geonamesFolder))
        {
            AddCity(fields, candidates, regionOnly: smallPlaces, smallPlaces ? SmallPlaceOrigin : "geonames");
        }

        var usable = candidates
            .Where(candidate => IsUsableCityName(candidate.Entry.Text, countryKeys) && !regionalWords.Contains(candidate.Entry))
            .Select(candidate => (Entry: ForLanguageOfWord(candidate.Entry, commonWords), candidate.Population))
            .Where(candidate => candidate.Entry is not null);
        foreach (var sameName in usable.GroupBy(candidate => Key(candidate.Entry!.Text), StringComparer.Ordinal))
        {
            var byCountry = sameName
                .GroupBy(candidate => candidate.Entry!.Code, StringComparer.Ordinal)
                .Select(group => (Best: group.MaxBy(candidate => candidate.Population), Population: group.Max(candidate => candidate.Population)))
                .OrderByDescending(country => country.Population)
                .ToList();
            if (byCountry.Count == 1 || byCountry[0].Population >= DominanceFactor * byCountry[1].Population)
            {
                foreach (var candidate in sameName.Where(candidate => candidate.Entry!.Code == byCountry[0].Best.Entry!.Code))
                {
                    yield return candidate.Entry!;
                }
            }
        }
    }

    /// <summary>
    /// The records of GeoNames cities15000, then of cities1000 (every settlement down to 1,000 people: Zvečan, Zubin
    /// Potok, Leposavić; optional, as the shared data may predate it), each split into its fields — geonameid, name,
    /// asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1-4, population, … — with whether it comes
    /// from cities1000. Records with fewer than 15 fields are skipped.
    /// </summary>
    internal static IEnumerable<(string[] Fields, bool SmallPlaces)> CityRecords(string geonamesFolder)
    {
        using (var archive = ZipFile.OpenRead(Path.Combine(geonamesFolder, "cities15000.zip")))
        {
            var file = archive.Entries.Single(entry => entry.Name.EndsWith(".txt", StringComparison.Ordinal));
            using var reader = new StreamReader(file.Open(), Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Split('\t') is { Length: >= 15 } fields)
                {
                    yield return (fields, false);
                }
            }
        }

        var small = Path.Combine(geonamesFolder, "cities1000.txt");
        if (File.Exists(small))
        {
            using var reader = new StreamReader(small, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Split('\t') is { Length: >= 15 } fields)
                {
                    yield return (fields, true);
                }
            }
        }
    }

    private static void AddCity(string[] fields, List<(GazetteerEntry Entry, long Population)> candidates, bool regionOnly, string origin)
    {
        var code = fields[8];
        var population = long.Parse(fields[14], CultureInfo.InvariantCulture);
        var inRegion = RegionCodes.Contains(code);
        if (!inRegion && (regionOnly || population < WorldCityMinimumPopulation))
        {
            return;
        }

        candidates.Add((new(fields[1], code, GazetteerKind.City, "en", origin), population));
        if (fields[2] != fields[1])
        {
            candidates.Add((new(fields[2], code, GazetteerKind.City, "en", origin), population));
        }

        if (inRegion)
        {
            // Local spellings (Beograd, Београд, Prishtinë) for the region only: elsewhere the lists hold too
            // many transliterations that collide with words. A name starts with a capital: the lowercase
            // romanisations the lists also hold ("bori" for Bor) are words of other alphabets' readers.
            foreach (var alternate in fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IsLatinOrCyrillic(alternate) && char.IsUpper(alternate[0]) && !alternate.All(char.IsUpper))
                {
                    candidates.Add((new(alternate, code, GazetteerKind.City, GazetteerEntry.AnyLanguage, origin), population));
                }
            }
        }
    }

    // An English word (Split, Bar) names no town in English text; a town of the region so named is kept for its own
    // language, where the word is the town. Elsewhere such names are left out.
    private static GazetteerEntry? ForLanguageOfWord(GazetteerEntry entry, HashSet<string> commonWords)
    {
        if (!commonWords.Contains(Key(entry.Text)))
        {
            return entry;
        }

        return RegionLanguages.TryGetValue(entry.Code, out var language) ? entry with { Language = language } : null;
    }

    private static bool IsUsableCityName(string name, HashSet<string> countryKeys)
    {
        var key = Key(name);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0
            && !(words.Length == 1 && words[0].Length < 4)
            && !countryKeys.Contains(key)
            && !words.Any(word => word.Any(char.IsDigit));
    }

    /// <summary>
    /// Ordinary words of the region's languages (most, polje, luka, istok): a town of the region named so is no
    /// evidence of its country, in any of its case forms (Polju, Luci, Mosta).
    /// </summary>
    private sealed class RegionalWords(HashSet<string> words, InflectionRules inflection)
    {
        private readonly HashSet<string> _keys = words.Select(Key).ToHashSet(StringComparer.Ordinal);

        private readonly HashSet<string> _stems = words
            .SelectMany(word => inflection.Families.Where(family => !family.Languages.Contains("*")).Select(family => family.StemPhrase(Key(word))))
            .ToHashSet(StringComparer.Ordinal);

        public bool Contains(GazetteerEntry entry)
        {
            if (!RegionCodes.Contains(entry.Code))
            {
                return false;
            }

            var key = Key(entry.Text);
            return _keys.Contains(key) || inflection.Families.Where(family => !family.Languages.Contains("*")).Any(family => _stems.Contains(family.StemPhrase(key)));
        }
    }

    private static HashSet<string> ReadCommonWords(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsAscii(string text) => text.All(char.IsAscii);

    private static bool IsLatinOrCyrillic(string text) =>
        text.All(c => !char.IsLetter(c) || c < '\u0250' || c is >= '\u0400' and <= '\u04FF' || c is >= '\u1E00' and <= '\u1EFF');

    // iso-codes quotes fields that contain commas; no field contains a quote.
    private static string[] ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

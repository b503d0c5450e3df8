using Monitoring.Core.Enrichment.Text;
using Monitoring.Core.Search.Names;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Builds the place and country groups of <c>name-groups.tsv</c> from the built gazetteer, so that a search for
/// one name of a place finds the others: a country with every name the gazetteer knows it by (Kosovo, Kosova,
/// Kosovë, Косово), and each settlement of the region with the names of its GeoNames record that the gazetteer
/// kept for its country, in any script (Belgrade, Beograd, Београд, Beogradi). Names the gazetteer left out
/// (ordinary words, names shared by towns of several countries) stay out here too.
/// </summary>
public static class NameGroupsBuilder
{
    /// <param name="geonamesFolder">Holds <c>cities15000.zip</c> and, optionally, <c>cities1000.txt</c>.</param>
    public static IReadOnlyList<NameGroup> Build(string geonamesFolder, GazetteerBuild gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var groups = new List<NameGroup>();
        foreach (var country in gazetteer.Entries
            .Where(entry => entry.Kind == GazetteerKind.Name)
            .GroupBy(entry => entry.Code, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var display = gazetteer.Countries.GetValueOrDefault(country.Key, country.Key);
            var names = country.Select(entry => entry.Text).Prepend(display).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count > 1)
            {
                groups.Add(new NameGroup(NameGroupKind.Country, country.Key, names));
            }
        }

        var placeNames = gazetteer.Entries
            .Where(entry => entry.Kind is GazetteerKind.City or GazetteerKind.Capital)
            .Select(entry => (GazetteerBuilder.Key(entry.Text), entry.Code))
            .ToHashSet();
        foreach (var place in RegionPlaces(geonamesFolder))
        {
            var names = RegionalNames(place.Names).Where(name => placeNames.Contains((GazetteerBuilder.Key(name), place.Code))).ToList();
            if (names.Count > 1)
            {
                groups.Add(new NameGroup(NameGroupKind.Place, place.Code, names));
            }
        }

        return groups;
    }

    /// <summary>
    /// The names of one GeoNames record that the region's press writes: its own name, Cyrillic names in the
    /// alphabets of the region's languages (Београд, Белград), the Latin reading of those (Beograd, Belgrad),
    /// spellings with the region's letters (Priština, Prishtinë) and Albanian definite forms (Prishtina, Beogradi).
    /// Other languages' exonyms and old names (Belgrado, Bělehrad, Nándorfehérvár) and transliterations that
    /// are English words (Pristine) are left out: they would widen a search past the place.
    /// </summary>
    internal static IReadOnlyList<string> RegionalNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var kept = new List<string> { names[0] };
        kept.AddRange(names.Where(name => name.Any(TextFolding.IsCyrillic) && name.All(IsRegionalCyrillic)));
        var readings = kept.Select(FoldedKey).ToHashSet(StringComparer.Ordinal);
        var latin = names.Skip(1).Where(name => char.IsUpper(name[0]) && !name.Any(TextFolding.IsCyrillic) && name.All(IsRegionalLatin)).ToList();
        kept.AddRange(latin.Where(name => readings.Contains(FoldedKey(name)) || name.Any(RegionalLetters.Contains)));
        var definite = kept.SelectMany(AlbanianDefiniteForms).ToHashSet(StringComparer.Ordinal);
        kept.AddRange(latin.Where(definite.Contains));
        return kept.Distinct(StringComparer.Ordinal).ToList();
    }

    // Letters only the region's Latin alphabets have among the names GeoNames lists (sr/hr/bs/sl and sq).
    private const string RegionalLetters = "šđčćžëçŠĐČĆŽËÇ";

    private const string RegionalCyrillicLetters = "абвгдѓђежзѕийјклљмнњопрстќћуфхцчџшщъьюяё";

    private static bool IsRegionalLatin(char c) => char.IsAsciiLetter(c) || RegionalLetters.Contains(c) || c is ' ' or '-' or '\'';

    private static bool IsRegionalCyrillic(char c) => RegionalCyrillicLetters.Contains(char.ToLowerInvariant(c)) || c is ' ' or '-';

    private static string FoldedKey(string name) => TextFolding.Fold(name.ToLowerInvariant());

    // Albanian names a town with its definite ending: Prishtinë → Prishtina, Beograd → Beogradi.
    private static IEnumerable<string> AlbanianDefiniteForms(string name)
    {
        if (name.EndsWith('ë'))
        {
            yield return name[..^1] + "a";
        }
        else if (!name.Any(TextFolding.IsCyrillic) && !"aeiou".Contains(name[^1], StringComparison.Ordinal))
        {
            yield return name + "i";
        }
    }

    // The region's records of both GeoNames files, each place once (cities1000 repeats those of cities15000).
    private static IEnumerable<(string Code, IReadOnlyList<string> Names)> RegionPlaces(string geonamesFolder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fields, _) in GazetteerBuilder.CityRecords(geonamesFolder))
        {
            if (GazetteerBuilder.RegionCodes.Contains(fields[8]) && seen.Add(fields[0]))
            {
                var alternates = fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                yield return (fields[8], [fields[1], fields[2], .. alternates]);
            }
        }
    }
}

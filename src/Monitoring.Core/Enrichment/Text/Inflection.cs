namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// A light stemmer for the case endings of the region's languages on folded keys, so that one gazetteer
/// form finds its declined forms: Srbija/Srbiji/Srbijom/Србији → "srbi", Kosovo/Kosova/Kosovu/Kosovës →
/// "kosov", Beograd/Beogradu → "beograd", Crna Gora/Crnoj Gori → "crn gor", Prishtinë/Prishtinës → "prishtin".
/// Both sides of a comparison go through it, so it only has to be consistent, not linguistically right.
/// Language-blind: the country tagger uses the per-language tables of <see cref="InflectionRules"/>
/// (<c>inflection.tsv</c>); this stays for callers without a model.
/// </summary>
internal static class Inflection
{
    // Longest first; folded forms (ë → e, ю → ju, ей → ej).
    private static readonly string[] Endings =
    [
        "ama", "ima", "oga", "ome", "omu", "ega", "emu",
        "om", "em", "og", "oj", "ih", "im", "ej", "ju", "es", "se", "ne", "oy",
        "a", "e", "i", "o", "u", "y",
    ];

    private const int ShortestStem = 3;

    /// <summary>The stem of one folded lowercase word; words shorter than four letters are their own stem.</summary>
    public static string Stem(string key)
    {
        if (key.Length <= ShortestStem || !char.IsLetter(key[^1]))
        {
            return key;
        }

        var stem = key;
        foreach (var ending in Endings)
        {
            if (key.Length - ending.Length >= ShortestStem && key.EndsWith(ending, StringComparison.Ordinal))
            {
                // Skoplju is Skoplje + u: the j of lj/nj is part of the letter, not of the ending.
                var length = ending == "ju" && key[^3] is 'l' or 'n' ? 1 : ending.Length;
                stem = key[..^length];
                break;
            }
        }

        // Srbija → srbij and Srbiji → srbij, but Rossii → rossi: drop the glide so all meet at "srbi", "rossi".
        if (stem.Length > ShortestStem + 1 && stem.EndsWith("ij", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        return stem;
    }

    /// <summary>Stems each word of a space-separated key ("crnoj gori" → "crn gor").</summary>
    public static string StemPhrase(string key) =>
        key.Contains(' ', StringComparison.Ordinal)
            ? string.Join(' ', key.Split(' ').Select(Stem))
            : Stem(key);
}

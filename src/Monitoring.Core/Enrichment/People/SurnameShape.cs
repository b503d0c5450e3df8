using System.Buffers;
using System.Text;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.People;

/// <summary>
/// The patronymic surname of the Serbian, Croatian, Bosnian and Montenegrin press: -ić (-ović, -ević; Cyrillic
/// -ић) in any case (Tepić, Tepića, Tepiću, Tepićem). Folded keys drop the diacritic, so "Tepić" meets the
/// Mexican city "Tepic" and the stemmer takes "Mitrović" to "Mitrovica"; the soft ć as written tells them apart.
/// </summary>
internal static class SurnameShape
{
    /// <summary>The soft c in both scripts and both cases.</summary>
    public static readonly SearchValues<char> SoftLetters = SearchValues.Create("ćčĆČћчЋЧ");

    // After -ić: Tepić, Tepića, Tepiću, Tepićem, Tepićom (hr), Tepići, Tepiće, Tepićima.
    private static readonly string[] CaseEndings = ["", "a", "u", "em", "om", "i", "e", "ima"];

    /// <summary>The word as written ends in -ić (or -ič, -ић, -ич) with a case ending: a surname, not a place, unless a place is literally so called.</summary>
    public static bool HasSoftEnding(string text)
    {
        if (text.AsSpan().IndexOfAny(SoftLetters) < 0)
        {
            return false;
        }

        var soft = SoftKey(text);
        foreach (var ending in CaseEndings)
        {
            if (soft.Length >= ending.Length + 4 && soft.EndsWith("ić" + ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A folded key ending in -ic ("tepic", "mitrovic"): a surname written without diacritics, or a namesake.</summary>
    public static bool HasFoldedEnding(string key) => key.Length > 4 && key.EndsWith("ic", StringComparison.Ordinal);

    /// <summary>Lowercase and folded like a key, except that ć, č, ћ and ч stay one letter, "ć".</summary>
    public static string SoftKey(string text)
    {
        var soft = new StringBuilder(text.Length + 2);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is 'ć' or 'č' or 'ћ' or 'ч')
            {
                soft.Append('ć');
            }
            else if (c < 128)
            {
                soft.Append(c);
            }
            else
            {
                soft.Append(TextFolding.Fold(c.ToString()));
            }
        }

        return soft.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// Puts both scripts and every spelling habit of the region into one key space: Cyrillic is transliterated
/// the Serbian way (Ђ → dj, Ш → s), diacritics are dropped (š → s, ë → e, đ → dj), so "Београд", "Beograd"
/// and the ASCII "Pristina"/"Priština"/"Приштина" share one key. Applied to lowercase text.
/// </summary>
internal static class TextFolding
{
    /// <summary>The lowercase <paramref name="key"/> folded to ASCII-ish Latin; unchanged when it is already ASCII.</summary>
    public static string Fold(string key)
    {
        if (Ascii.IsValid(key))
        {
            return key;
        }

        var folded = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            if (c < 128)
            {
                folded.Append(c);
            }
            else if (Transliterate(c) is { } latin)
            {
                folded.Append(latin);
            }
            else
            {
                AppendWithoutMarks(folded, c);
            }
        }

        return folded.ToString();
    }

    /// <summary>True for letters of the Cyrillic block.</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static void AppendWithoutMarks(StringBuilder folded, char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(part);
            }
        }
    }

    // Serbian (and Macedonian, Russian, Ukrainian) Cyrillic to the Latin a Serbian reader would write without diacritics.
    private static string? Transliterate(char c) => c switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "dj",
        'е' => "e",
        'ж' => "z",
        'з' => "z",
        'и' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "c",
        'џ' => "dz",
        'ш' => "s",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        'й' => "j",
        'ы' => "y",
        'э' => "e",
        'ю' => "ju",
        'я' => "ja",
        'ё' => "e",
        'щ' => "sc",
        'ъ' => "",
        'ь' => "",
        'і' => "i",
        'ї' => "ji",
        'є' => "je",
        'ґ' => "g",
        'đ' => "dj",
        'ß' => "ss",
        'æ' => "ae",
        'ø' => "o",
        'ł' => "l",
        'ı' => "i",
        _ => null,
    };
}

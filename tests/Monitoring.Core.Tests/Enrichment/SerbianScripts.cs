using System.Text;

namespace Monitoring.Core.Tests.Enrichment;

/// <summary>
/// Writes Serbian Latin in Serbian Cyrillic, letter for letter (lj, nj, dž are one letter each), so that a test can
/// give the same sentence in both scripts without typing it twice.
/// </summary>
internal static class SerbianScripts
{
    private static readonly (string Latin, string Cyrillic)[] Digraphs = [("lj", "љ"), ("nj", "њ"), ("dž", "џ"), ("Lj", "Љ"), ("Nj", "Њ"), ("Dž", "Џ")];

    private const string LatinLetters = "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ";
    private const string CyrillicLetters = "абцчћдђефгхијклмнопрсштувзжАБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ";

    public static string ToCyrillic(string latin)
    {
        var text = new StringBuilder(latin.Length);
        for (var i = 0; i < latin.Length; i++)
        {
            var digraph = Digraphs.FirstOrDefault(pair => string.CompareOrdinal(latin, i, pair.Latin, 0, 2) == 0);
            if (digraph.Latin is not null)
            {
                text.Append(digraph.Cyrillic);
                i++;
                continue;
            }

            var index = LatinLetters.IndexOf(latin[i], StringComparison.Ordinal);
            text.Append(index >= 0 ? CyrillicLetters[index] : latin[i]);
        }

        return text.ToString();
    }
}

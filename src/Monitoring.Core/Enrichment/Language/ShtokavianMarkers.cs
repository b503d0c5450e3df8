namespace Monitoring.Core.Enrichment.Language;

/// <summary>
/// Serbian, Croatian and Bosnian in Latin script share most trigrams; what tells them apart are a few
/// well-known markers: the ekavian reflex of Serbian (vreme, gde, posle) against the ijekavian of Croatian and
/// Bosnian (vrijeme, gdje, poslije), and Croatian words Bosnian does not use (tisuća, suradnja, tko, the Croatian
/// month names) against Bosnian ones (hiljada, saradnja, historija). Applied only when the n-gram guess falls in
/// that cluster; without markers the n-gram guess stands. Cyrillic guesses are settled by the letters only one
/// language uses, when the text has some.
/// </summary>
internal static class ShtokavianMarkers
{
    private static readonly string[] Ekavian =
    [
        " predsedn", " sedni", " vest", " vreme", " mest", " reč", " gde ", " posle ", " dete", " deca", " uvek", " nedelj",
        " cel", " svet", " sever", " pesm", " takođe", " šta ", " bezbednost", " izveštaj", " zvaničn", " nemač", " lep",
        " primen", " razume", " ocen", " deo ", " dela ", " smer", " vek", " mer", " ver", " sreć",
    ];

    private static readonly string[] Ijekavian =
    [
        " predsjedn", " sjedni", " vijest", " vrijeme", " mjest", " riječ", " gdje ", " poslije ", " dijete", " djeca",
        " uvijek", " cijel", " svijet", " sjever", " pjesm", " lijep", " primjen", " razumije", " ocjen", " dio ", " dijela ",
        " smjer", " vijek", " mjer", " vjer", " sjeć", " tjed", " bijel", " prije ", " htio ",
    ];

    private static readonly string[] Croatian =
    [
        " tisuć", " suradnj", " tko ", " također", " povijest", " izvješ", " siječ", " veljač", " ožuj", " travnj", " svibnj",
        " lipnj", " srpnj", " kolovoz", " rujn", " listopad", " studen", " prosin", " vlak", " kruh", " zrakoplov",
    ];

    private static readonly string[] Bosnian =
    [
        " hiljad", " saradnj", " historij", " januar", " februar", " mart", " april", " juni", " juli", " august", " septemb",
        " oktob", " novemb", " decemb", " sigurnosn", " općin", " kafa", " lahko",
    ];

    /// <param name="guess">The n-gram guess ("bs-Latn").</param>
    /// <param name="normalised">The lowercased text with single spaces around words.</param>
    public static string Decide(string guess, string normalised)
    {
        if (guess.EndsWith("-Cyrl", StringComparison.Ordinal))
        {
            return CyrillicByLetters(guess, normalised);
        }

        if (guess is not ("sr-Latn" or "hr-Latn" or "bs-Latn"))
        {
            return guess;
        }

        var ekavian = Count(normalised, Ekavian);
        var ijekavian = Count(normalised, Ijekavian);
        if (ekavian > ijekavian)
        {
            return "sr-Latn";
        }

        if (ijekavian == 0 && ekavian == 0)
        {
            return guess;
        }

        var croatian = Count(normalised, Croatian);
        var bosnian = Count(normalised, Bosnian);
        return croatian > bosnian ? "hr-Latn" : bosnian > croatian ? "bs-Latn" : guess == "sr-Latn" ? "hr-Latn" : guess;
    }

    // Letters only one of the Cyrillic languages uses: ѓ ќ ѕ Macedonian, ђ ћ Serbian, ы э й ъ щ ё Russian.
    private static string CyrillicByLetters(string guess, string text)
    {
        var macedonian = text.Count(c => c is 'ѓ' or 'ќ' or 'ѕ');
        var serbian = text.Count(c => c is 'ђ' or 'ћ');
        var russian = text.Count(c => c is 'ы' or 'э' or 'й' or 'ъ' or 'щ' or 'ё');
        (string Variant, int Count)[] letters = [("mk-Cyrl", macedonian), ("sr-Cyrl", serbian), ("ru-Cyrl", russian)];
        var found = letters.Where(letter => letter.Count > 0).ToList();
        return found.Count == 1 ? found[0].Variant : guess;
    }

    private static int Count(string text, string[] markers) =>
        markers.Sum(marker => CountOf(text, marker));

    private static int CountOf(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

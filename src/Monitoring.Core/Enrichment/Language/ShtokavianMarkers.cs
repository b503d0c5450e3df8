using System.Collections.Frozen;

namespace Monitoring.Core.Enrichment.Language;

/// <summary>
/// Serbian, Croatian and Bosnian in Latin script share nearly every trigram (and Slovenian many), so the n-gram
/// guess inside that group is close to a coin toss. The decision is taken instead by marker words whose standard
/// forms differ: the ekavian reflex of Serbian (vreme, mleko, reka) against the ijekavian of Croatian and Bosnian
/// (vrijeme, mlijeko, rijeka); vocabulary one standard uses and another does not (hiljada/tisuća, voz/vlak,
/// opština/općina, bezbednost/sigurnost, saradnja/suradnja, univerzitet/sveučilište, the Croatian month names,
/// Bosnian historija, hljeb, lahko, sedmica); Serbian and Bosnian -ovati/-isati against Croatian -irati; Croatian
/// "bit će" against Serbian "biće". Each marker counts for every standard that uses it; the standard with most
/// wins, ties going to the earlier of Serbian, Croatian, Bosnian.
/// <para>
/// A text with no marker at all (most headlines) is genuinely ambiguous: it would be correct Serbian, Croatian
/// and Bosnian alike. It is called Serbian (Latin), the variant most common in the regional press we monitor;
/// that is a stated prior, not a finding. Ijekavian Serbian (Republika Srpska, Montenegro) reads as Croatian or
/// Bosnian unless it has Serbian vocabulary.
/// </para>
/// <para>
/// Slovenian is told apart by its own function words (in, ki, tudi, kot, bo…) and by ć and đ, which it does
/// not write. Cyrillic Serbian and Macedonian are settled by the letters only one language uses and, without
/// them, by function words: Macedonian е, во, со, дека, сите against Serbian је, у, из, су, да ли. The suffixed
/// articles -ата and -ите end too many Serbian words to help (студената, заштите); only -ото counts, weakly.
/// </para>
/// </summary>
internal static class ShtokavianMarkers
{
    private static readonly FrozenDictionary<string, Standards> Words = Table(isPrefix: false);

    private static readonly FrozenDictionary<string, Standards> Prefixes = Table(isPrefix: true);

    private static readonly FrozenSet<string> Modals = FrozenSet.ToFrozenSet(
        ["mora", "moraju", "može", "mogu", "možemo", "treba", "trebaju", "želi", "žele", "želimo", "namjerava", "pokušava"],
        StringComparer.Ordinal);

    private static readonly int LongestPrefix = Prefixes.Keys.Max(prefix => prefix.Length);

    // The order ties are broken in (the prior): Serbian, then Croatian, then Bosnian.
    private static readonly (string Variant, Standards Standard)[] Cluster =
    [
        ("sr-Latn", Standards.Serbian), ("hr-Latn", Standards.Croatian), ("bs-Latn", Standards.Bosnian),
    ];

    /// <summary>The standards a marker belongs to; Macedonian is the only Cyrillic-only one.</summary>
    [Flags]
    internal enum Standards
    {
        None = 0,
        Serbian = 1,
        Croatian = 2,
        Bosnian = 4,
        Slovenian = 8,
        Macedonian = 16,

        // The marker may also be a Slovenian word (ekavian mesto, vreme, reka; sistem, lahko, ko, računalnik):
        // it counts for its Shtokavian standards only once Slovenian is ruled out.
        AlsoSlovenian = 32,
    }

    /// <param name="guess">The n-gram guess ("bs-Latn").</param>
    /// <param name="normalised">The lowercased text with single spaces around words.</param>
    public static string Decide(string guess, string normalised)
    {
        if (guess.EndsWith("-Cyrl", StringComparison.Ordinal))
        {
            return DecideCyrillic(guess, normalised);
        }

        if (guess is not ("sr-Latn" or "hr-Latn" or "bs-Latn" or "sl-Latn"))
        {
            return guess;
        }

        var exclusive = Score(normalised, withSharedWithSlovenian: false);
        var writesSoftAffricates = normalised.Contains('ć', StringComparison.Ordinal) || normalised.Contains('đ', StringComparison.Ordinal);
        var shtokavianOnly = Cluster.Max(member => exclusive[member.Standard]);
        var slovenian = exclusive[Standards.Slovenian];
        if (!writesSoftAffricates && (slovenian > shtokavianOnly || (guess == "sl-Latn" && shtokavianOnly == 0)))
        {
            return "sl-Latn";
        }

        var scores = Score(normalised, withSharedWithSlovenian: true);
        var cluster = Cluster.Max(member => scores[member.Standard]);
        return cluster == 0 ? "sr-Latn" : Cluster.First(member => scores[member.Standard] == cluster).Variant;
    }

    // Marker counts per standard; without the shared ones, a marker that may be Slovenian counts for Slovenian only.
    private static Dictionary<Standards, int> Score(string normalised, bool withSharedWithSlovenian)
    {
        var scores = Enum.GetValues<Standards>().ToDictionary(standard => standard, _ => 0);
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            Add(scores, Lookup(words[i]), withSharedWithSlovenian);
            if (i + 1 < words.Length)
            {
                Add(scores, Words.GetValueOrDefault($"{words[i]} {words[i + 1]}"), withSharedWithSlovenian);

                // After a modal verb Croatian (and Bosnian) take the infinitive, Serbian "da" and the present
                // ("mora da" is a marker above); "može biti" is said everywhere.
                if (Modals.Contains(words[i]) && words[i + 1] != "biti" && words[i + 1].Length > 3 && (words[i + 1].EndsWith("ti", StringComparison.Ordinal) || words[i + 1].EndsWith("ći", StringComparison.Ordinal)))
                {
                    Add(scores, Standards.Croatian | Standards.Bosnian, withSharedWithSlovenian);
                }

                // Croatian writes the future of an infinitive in -ti as "bit će", "održat će"; Serbian fuses it.
                if (words[i + 1] is "ću" or "ćeš" or "će" or "ćemo" or "ćete" && words[i].Length > 2 && words[i][^1] == 't')
                {
                    Add(scores, Standards.Croatian, withSharedWithSlovenian);
                }
            }
        }

        return scores;
    }

    private static Standards Lookup(string word)
    {
        var found = Words.GetValueOrDefault(word);
        for (var length = Math.Min(word.Length, LongestPrefix); length >= 3; length--)
        {
            if (Prefixes.TryGetValue(word[..length], out var standards))
            {
                return found | standards;
            }
        }

        return found;
    }

    private static void Add(Dictionary<Standards, int> scores, Standards standards, bool withSharedWithSlovenian)
    {
        if (!withSharedWithSlovenian && standards.HasFlag(Standards.AlsoSlovenian))
        {
            standards &= Standards.Slovenian;
        }

        foreach (var standard in Enum.GetValues<Standards>())
        {
            if (standard is not (Standards.None or Standards.AlsoSlovenian) && standards.HasFlag(standard))
            {
                scores[standard]++;
            }
        }
    }

    // Letters only one of the Cyrillic languages uses (ѓ ќ ѕ Macedonian, ђ ћ Serbian, ы э й ъ щ ё Russian);
    // without them, Macedonian and Serbian function words.
    private static string DecideCyrillic(string guess, string text)
    {
        var macedonian = text.Count(c => c is 'ѓ' or 'ќ' or 'ѕ');
        var serbian = text.Count(c => c is 'ђ' or 'ћ');
        var russian = text.Count(c => c is 'ы' or 'э' or 'й' or 'ъ' or 'щ' or 'ё');
        (string Variant, int Count)[] letters = [("mk-Cyrl", macedonian), ("sr-Cyrl", serbian), ("ru-Cyrl", russian)];
        var found = letters.Where(letter => letter.Count > 0).ToList();
        if (found.Count == 1)
        {
            return found[0].Variant;
        }

        // Russian has no ј, љ, њ or џ: a "Russian" guess over text that writes them is Serbian or Macedonian.
        var southSlavic = guess is "sr-Cyrl" or "mk-Cyrl" || (guess == "ru-Cyrl" && text.Any(c => c is 'ј' or 'љ' or 'њ' or 'џ'));
        if (found.Count > 1 || !southSlavic)
        {
            return guess;
        }

        var scores = Score(text, withSharedWithSlovenian: true);
        // Of the suffixed articles only -ото is a hint: -ата and -ите end many Serbian words (студената,
        // кандидата, заштите). Two count as one function word.
        var articles = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Count(word => word.Length > 4 && word.EndsWith("ото", StringComparison.Ordinal));

        var macedonianScore = (2 * scores[Standards.Macedonian]) + articles;
        var serbianScore = 2 * scores[Standards.Serbian];
        return macedonianScore > serbianScore ? "mk-Cyrl" : serbianScore > macedonianScore || guess == "ru-Cyrl" ? "sr-Cyrl" : guess;
    }

    // Markers: a word, two words, or a stem ending in '*' (matched as the start of a word).
    private static FrozenDictionary<string, Standards> Table(bool isPrefix) =>
        Markers()
            .SelectMany(entry => entry.Markers.Select(marker => (Marker: marker, entry.Standards)))
            .Where(entry => entry.Marker.EndsWith('*') == isPrefix)
            .GroupBy(entry => entry.Marker.TrimEnd('*'), StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Aggregate(Standards.None, (all, entry) => all | entry.Standards), StringComparer.Ordinal);

    private static IEnumerable<(Standards Standards, string[] Markers)> Markers()
    {
        const Standards Serbian = Standards.Serbian;
        const Standards Croatian = Standards.Croatian;
        const Standards Bosnian = Standards.Bosnian;

        // Ekavian reflex of jat: of the Shtokavian standards, Serbian only; Slovenian shares the reflex.
        yield return (Serbian | Standards.AlsoSlovenian,
        [
            "predsedn*", "sednic*", "vest", "vesti", "vreme", "mesto", "mesta", "mestu", "reč", "reči", "rečima",
            "gde", "posle", "dete", "deteta", "deca", "dece", "uvek", "nedelj*", "cela", "celog", "celu", "ceo", "svetsk*", "svetu",
            "svetom", "sever*", "pesm*", "lepo", "lepa", "lep", "primen*", "razume*", "ocen*", "deo", "dela", "smer*", "vekov*",
            "mere", "mera", "meru", "veruj*", "verovatn*", "mleko", "mleka", "reka", "reke", "belog", "bela", "beli", "beo",
            "devojk*", "zvezd*", "sused*", "pobed*", "poseti", "posetio", "posetila", "posete", "poseta", "napred",
            "pre", "obaveštenj*", "obavešt*", "izveštaj*", "izvešta*", "ponedeljak", "sreda",
            "svedok*", "svedoč*", "uspeh*", "uspe*", "cene", "cena", "cenu", "odelj*", "odeljenj*", "mešovit*",
            "prenet*", "nemač*", "vernik*", "letnj*", "celokupn*", "delimično", "podel*", "podrazumevan*", "čovek*", "vrednost*",
            "svest*", "porekl*", "promen*", "menja*", "čoveč*", "ovde", "negde", "nigde", "svugde", "dve", "mesec*", "primer*",
            "telo", "tela", "sledeć*", "sedišt*", "vera", "vere", "veru", "verovanj*", "versk*",
            "sme", "smeju", "smeti", "videti", "videla", "videli",
        ]);

        // Ijekavian reflex: Croatian and Bosnian (and Montenegrin and the Serbian of Republika Srpska).
        yield return (Croatian | Bosnian,
        [
            "predsjedn*", "sjednic*", "vijest", "vijesti", "vrijeme", "mjesto", "mjesta", "mjestu", "riječ", "riječi",
            "gdje", "poslije", "dijete", "djeteta", "djeca", "djece", "uvijek", "cijel*", "svjetsk*", "svijet", "svijetu",
            "sjever*", "pjesm*", "lijep*", "primjen*", "razumije*", "ocjen*", "dio", "dijela", "smjer*", "stoljeć*",
            "vjerovatn*", "mjere", "mjera", "mjeru", "vjeruj*", "mlijeko", "mlijeka", "rijeka", "rijeke", "bijel*", "djevojk*",
            "zvijezd*", "susjed*", "pobjed*", "posjeti", "posjetio", "posjetila", "posjet*", "prije", "obavješt*", "izvještaj*",
            "svjedok*", "svjedoč*", "uspjeh*", "uspje*", "cijene", "cijena", "cijenu", "odjel*", "mješovit*", "prenijet*",
            "njemač*", "vjernik*", "ljetn*", "cjelokupn*", "djelomično", "podjel*", "htio", "htjeli", "sjeć*", "podrazumijevan*", "čovjek*", "vrijednost*",
            "svijest*", "sviješ*", "porijekl*", "promijen*", "mijenj*", "čovječ*", "ovdje", "negdje", "nigdje", "svagdje", "svugdje", "dvije",
            "mjesec*", "primjer*", "tijelo", "tijela", "sljedeć*", "slijed*", "sjedišt*", "vjer*", "djel*", "lijek*", "liječ*", "vijeć*",
            "smije", "smiju", "smjeti", "vidio", "vidjeti", "vidjela", "vidjeli",
        ]);

        // Serbian-only vocabulary.
        yield return (Serbian,
        [
            "opšt*", "saopšt*", "bezbedn*", "hleb*", "istorij*", "spoljn*", "spoljnopolit*", "avgust*", "jun", "jul", "vaspitan*",
            "uopšte", "hemij*", "biće", "biću", "bićemo", "bićete",
        ]);

        // Serbian and Bosnian, not Croatian.
        yield return (Serbian | Bosnian,
        [
            "hiljad*", "računar*", "budžet*", "uslov*", "sprat", "naučn*", "nauka", "nauke", "sekretar*", "funkcioner*", "saradnj*", "sarađ*", "evrop*", "takođe", "tokom", "porodic*", "fudbal*", "tačno", "muzik*", "ambasad*",
            "univerzitet*", "voz", "vozom", "vozovi", "šta", "da li", "januar*", "februar*", "mart", "marta", "martu",
            "april*", "maj", "maja", "septemb*", "oktob*", "novemb*", "decemb*", "kafa", "kafe", "organizova*", "realizova*",
            "informisa*", "kontrolisa*", "definisa*", "komentarisa*", "reagova*", "stabilizova*", "normalizova*", "garantova*",
            "protest*", "pozorišt*", "odbran*", "sprovod*", "sproved*",
            "mora da", "može da", "treba da", "želi da", "žele da", "hoće da", "moraju da", "mogu da", "namerava da",
            "pokušava da", "nastavlja da", "odbija da",
            "niko", "nikog", "nikoga", "svako", "svakog", "svakoga", "uhaps*", "hapš*", "nezavisn*", "krivičn*", "uprkos", "privred*",
            "poslanik*", "poslanic*", "vazduh*", "vazdušn*", "štamp*", "učestvo*", "učešć*", "izuzetn*", "vanredn*", "nepristrasn*",
        ]);

        // Croatian-only vocabulary and forms.
        yield return (Croatian,
        [
            "tisuć*", "tjed*", "vjerojatn*", "suradnj*", "surađ*", "tko", "također", "povijest*", "povijesn*", "izvješ*", "siječ*", "veljač*", "ožuj*",
            "travanj", "travnj*", "svib*", "lipanj", "lipnj*", "srpanj", "srpnj*", "kolovoz*", "ruj*", "listopad*", "studeni", "studenog", "studenoga", "studenom",
            "prosin*", "vlak*", "kruh*", "zrakoplov*", "sveučilišt*", "obitelj*", "nogomet*", "kazališt*", "znanstven*", "znanost*",
            "točno", "glazb*", "europ*", "veleposlan*", "tijekom", "uslijed", "prosvjed*", "organizira*", "realizira*",
            "informira*", "kontrolira*", "definira*", "komentira*", "reagira*", "stabilizira*", "normalizira*", "jamč*",
            "obran*", "glasovanj*", "kava", "kave", "tajnik*",
            "općenito", "sustav*", "okoliš*", "proračun*", "pogreš*", "izbornik*", "tvrtk*", "dužnosnik*", "priopćenj*",
            "nitko", "svatko", "netko", "itko", "spol", "spola", "spolu", "spolom", "spoln*", "uhit*", "uhić*", "neovisn*", "kaznen*",
            "osobn*", "temeljem", "unatoč", "primjerice", "stoga", "dakako", "izvanredn*", "iznimn*", "sudjel*", "podrijetl*",
            "gospodarstv*", "gospodarsk*", "kolodvor*", "nepristran", "nepristrana", "nepristrani", "nepristranog", "nepristranost*",
        ]);

        // Croatian and Bosnian, not Serbian.
        yield return (Croatian | Bosnian,
        [
            "općin*", "vanjsk*",
            "opć*", "obavijest*", "uvjet*", "zračn*", "odgoj*", "ured", "ureda",
        ]);

        // Bosnian only.
        yield return (Bosnian,
        [
            "historij*", "saopć*", "hljeb*", "sedmic*", "juni", "juli", "august*", "kahv*", "mahal*",
            "hudovat*", "sahat*",
        ]);

        // Words of these standards that are Slovenian words too.
        yield return (Serbian | Bosnian | Standards.AlsoSlovenian, ["sistem*", "ko"]);
        yield return (Croatian | Standards.AlsoSlovenian, ["računal*"]);
        yield return (Bosnian | Standards.AlsoSlovenian, ["lahko", "lahka", "mehk*"]);

        // Slovenian function words, none of them a word of the Shtokavian standards.
        yield return (Standards.Slovenian,
        [
            "in", "ki", "tudi", "kot", "bo", "bodo", "sem", "kateri", "katera", "katere", "vendar", "zelo", "več",
            "vse", "vsi", "naj", "lahko", "bil je", "ker", "danes", "zdaj", "s katerim",
        ]);

        // Macedonian function words Serbian does not use (е as copula, во, со, дека, сите, многу, денес, кои, тоа).
        yield return (Standards.Macedonian,
        [
            "е", "во", "со", "дека", "сите", "многу", "денес", "кои", "тоа", "оваа", "овие", "преку", "бидат", "ги", "нивн*", "неговата", "нејзин*", "владата", "земјата", "уште",
            "секој", "секоја", "секое", "биде", "бил", "кој", "кое", "го", "ниту", "тие",
        ]);

        // Serbian Cyrillic function words Macedonian does not use.
        yield return (Serbian,
        [
            "је", "у", "из", "су", "да ли", "сви", "који", "које", "када", "данас", "много", "преко", "још", "јер", "био",
            "биће", "због",
            "свако", "сваки", "нико", "неко", "овај", "он", "они", "буде", "буду", "нити",
        ]);
    }
}

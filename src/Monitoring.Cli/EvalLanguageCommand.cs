using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Core.Enrichment;

namespace Monitoring.Cli;

/// <summary>
/// <c>eval language --data DIR</c>: accuracy of the language detector on text nobody on the project wrote: the
/// RTS headlines of <c>balkans/</c> (Serbian, Cyrillic and Latin) and the readability test pages whose
/// expected metadata names a language we detect (their expected article text).
/// </summary>
internal static partial class EvalLanguageCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var data = CliOptions.Value(args, "--data") ?? Path.Combine("..", "shared", "data");
        var seeds = CliOptions.Value(args, "--seeds") ?? "seeds";
        var detector = EnrichmentModel.LoadFrom(seeds).LanguageDetector;
        var known = detector.Variants.Select(variant => variant.Split('-')[0]).ToHashSet(StringComparer.Ordinal);

        var samples = new List<(string Set, string Expected, string Text)>();
        samples.AddRange(Headlines(Path.Combine(data, "balkans", "rts.csv")).Select(text => ("RTS headlines, Cyrillic", "sr-Cyrl", text)));
        samples.AddRange(Headlines(Path.Combine(data, "balkans", "rts_latin.csv")).Select(text => ("RTS headlines, Latin", "sr-Latn", text)));
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

        Console.WriteLine("| set | texts | language correct | language and script correct | sr/hr/bs counted as one |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var confusions = new SortedDictionary<string, int>(StringComparer.Ordinal);
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
                }
            }

            var count = set.Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {set.Key} | {count} | {(double)correct / count:0.000} | {(double)scriptCorrect / count:0.000} | {(double)clusterCorrect / count:0.000} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Errors: {string.Join(", ", confusions.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} ×{pair.Value}"))}");
        return 0;
    }

    // Serbian, Croatian and Bosnian: one language for the taggers (they read every form of the cluster).
    private static bool IsShtokavian(string language) => language is "sr" or "hr" or "bs";

    // The first CSV field; headlines with commas are quoted.
    private static IEnumerable<string> Headlines(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Select(line => line.StartsWith('"') ? line[1..line.IndexOf('"', 1)] : line[..Math.Max(0, line.IndexOf(',', StringComparison.Ordinal))])
            .Where(headline => headline.Trim().Length > 0);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}

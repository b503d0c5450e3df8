using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;

namespace Monitoring.Core.Enrichment.Language;

/// <summary>
/// A character-trigram naive Bayes classifier over the profiles of <c>language-profiles.tsv</c> (one line per
/// language variant and trigram: variant, trigram, count). Variants are written language-script ("sr-Cyrl",
/// "sr-Latn", "en-Latn"); the guess reports the language and the script separately. Text is lowercased, runs
/// of non-letters become one space, and each word is padded with spaces so first and last letters count.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>Trigrams read per text at most; a few hundred words decide any language here.</summary>
    public const int MaxTrigrams = 1000;

    // Texts shorter than this (in letters) are not worth a guess.
    private const int MinimumLetters = 12;

    private readonly List<Profile> _profiles;

    // Trigram (three UTF-16 units packed in a long) → log probability under each profile, in _profiles order:
    // one look-up per trigram instead of one per profile.
    private readonly FrozenDictionary<long, double[]> _logs;

    public LanguageDetector(IEnumerable<(string Variant, string Trigram, long Count)> counts)
    {
        _profiles = counts
            .GroupBy(row => row.Variant, StringComparer.Ordinal)
            .Select(group =>
            {
                var total = (double)group.Sum(row => row.Count);
                var vocabulary = group.Count();

                // Laplace-smoothed log probabilities; an unseen trigram costs as much as one seen half a time.
                var logs = group.ToFrozenDictionary(row => row.Trigram, row => Math.Log((row.Count + 0.5) / (total + vocabulary)), StringComparer.Ordinal);
                return new Profile(group.Key, logs, Math.Log(0.5 / (total + vocabulary)));
            })
            .OrderBy(profile => profile.Variant, StringComparer.Ordinal)
            .ToList();
        // One penalty for an unseen trigram whatever the profile: a profile built from less text must not win
        // on every word it has never seen.
        var unseen = _profiles.Count == 0 ? 0 : _profiles.Min(profile => profile.Unseen);
        _profiles = _profiles.Select(profile => profile with { Unseen = unseen }).ToList();
        _logs = _profiles
            .SelectMany(profile => profile.LogProbabilities.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                Pack,
                trigram => _profiles.Select(profile => profile.LogProbabilities.TryGetValue(trigram, out var log) ? log : profile.Unseen).ToArray());
    }

    /// <summary>The language variants the detector knows, e.g. "sr-Cyrl".</summary>
    public IReadOnlyList<string> Variants => _profiles.Select(profile => profile.Variant).ToList();

    /// <summary>Reads <c>language-profiles.tsv</c>.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names file and line.</exception>
    public static LanguageDetector Read(string path)
    {
        var rows = new List<(string, string, long)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[1].Length != 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: expected variant<TAB>trigram<TAB>count.");
            }

            rows.Add((fields[0], fields[1], count));
        }

        return new LanguageDetector(rows);
    }

    /// <summary>The trigrams of a text as the profiles count them ("  k", " ko", "kos"…).</summary>
    public static IEnumerable<string> Trigrams(string text)
    {
        var normalised = Normalise(text);
        for (var i = 0; i + 3 <= normalised.Length; i++)
        {
            if (normalised[i + 1] != ' ' || normalised[i] != ' ')
            {
                yield return normalised.Substring(i, 3);
            }
        }
    }

    public LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_profiles.Count == 0 || !HasLetters(text, MinimumLetters))
        {
            return LanguageGuess.Unknown;
        }

        var scores = new double[_profiles.Count];
        var normalised = Normalise(text);
        var read = 0;
        for (var i = 0; i + 3 <= normalised.Length && read < MaxTrigrams; i++)
        {
            if (normalised[i] == ' ' && normalised[i + 1] == ' ')
            {
                continue;
            }

            read++;
            if (_logs.TryGetValue(Pack(normalised.AsSpan(i, 3)), out var logs))
            {
                AddTo(scores, logs);
            }
            else
            {
                for (var p = 0; p < scores.Length; p++)
                {
                    scores[p] += _profiles[p].Unseen;
                }
            }
        }

        var order = Enumerable.Range(0, scores.Length).OrderByDescending(p => scores[p]).ToList();
        var best = ShtokavianMarkers.Decide(_profiles[order[0]].Variant, normalised);
        var runnerUp = order.Skip(1).Select(p => _profiles[p].Variant).FirstOrDefault(variant => Language(variant) != Language(best));

        // The posterior of the best against the best other language: 1 / (1 + e^(runner-up − best)).
        var bestIndex = FindIndex(best);
        var gap = runnerUp is null ? double.PositiveInfinity : scores[bestIndex] - scores[FindIndex(runnerUp)];
        var confidence = Math.Round(1 / (1 + Math.Exp(-gap)), 3);
        return new LanguageGuess(Language(best), Script(best), confidence);
    }

    // Each profile's sum is added to in the same order as one by one, so the scores are the same to the bit.
    private static void AddTo(double[] scores, double[] logs)
    {
        var p = 0;
        for (; p + Vector<double>.Count <= scores.Length; p += Vector<double>.Count)
        {
            (new Vector<double>(scores, p) + new Vector<double>(logs, p)).CopyTo(scores, p);
        }

        for (; p < scores.Length; p++)
        {
            scores[p] += logs[p];
        }
    }

    private int FindIndex(string variant) => _profiles.FindIndex(profile => profile.Variant == variant);

    private static long Pack(string trigram) => Pack(trigram.AsSpan());

    private static long Pack(ReadOnlySpan<char> trigram) => ((long)trigram[0] << 32) | ((long)trigram[1] << 16) | trigram[2];

    private static string Language(string variant) => variant.Split('-')[0];

    private static string Script(string variant) => variant.Contains('-', StringComparison.Ordinal) ? variant.Split('-')[1] : "Latn";

    internal static string Normalise(string text)
    {
        // Into a buffer, not a StringBuilder: its indexer walks chunks, and this runs over every character of every article.
        var buffer = text.Length < 4096 ? stackalloc char[text.Length + 2] : new char[text.Length + 2];
        var length = 0;
        buffer[length++] = ' ';
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }

        if (buffer[length - 1] != ' ')
        {
            buffer[length++] = ' ';
        }

        return new string(buffer[..length]);
    }

    private sealed record Profile(string Variant, FrozenDictionary<string, double> LogProbabilities, double Unseen);

    // Stops at the count needed: a whole article need not be walked to know it has twelve letters.
    private static bool HasLetters(string text, int count)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c) && --count == 0)
            {
                return true;
            }
        }

        return false;
    }
}

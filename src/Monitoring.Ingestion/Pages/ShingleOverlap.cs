using System.Globalization;
using System.Text;

namespace Monitoring.Ingestion.Pages;

/// <summary>
/// The article-extraction benchmark's page score (scrapinghub/article-extraction-benchmark, evaluate.py):
/// texts are cut into word tokens (<c>\w+</c>: letters, digits, underscore; case kept), the tokens into
/// overlapping 4-word shingles, and the shingles of the extracted and expected texts are matched as bags. A
/// text of fewer than four tokens is one shingle. True positives, false positives and false negatives are
/// divided by their sum, so that every page weighs the same whatever its length.
/// </summary>
public sealed record ShingleOverlap(double TruePositives, double FalsePositives, double FalseNegatives)
{
    public const int ShingleLength = 4;

    /// <summary>1 when both texts are empty, 0 when nothing extracted is right, else TP / (TP + FP).</summary>
    public double Precision => FalsePositives == 0 && FalseNegatives == 0 ? 1 : TruePositives + FalsePositives == 0 ? 0 : TruePositives / (TruePositives + FalsePositives);

    /// <summary>1 when both texts are empty, 0 when nothing expected was found, else TP / (TP + FN).</summary>
    public double Recall => FalsePositives == 0 && FalseNegatives == 0 ? 1 : TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Whether the page counts towards the mean precision: something was extracted (TP + FP &gt; 0).</summary>
    public bool HasExtracted => TruePositives + FalsePositives > 0;

    /// <summary>Whether the page counts towards the mean recall: something was expected (TP + FN &gt; 0).</summary>
    public bool HasExpected => TruePositives + FalseNegatives > 0;

    public static ShingleOverlap Compare(string extracted, string expected)
    {
        var predicted = Shingles(extracted);
        var truth = Shingles(expected);
        double truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var shingle in predicted.Keys.Union(truth.Keys))
        {
            var inPrediction = predicted.GetValueOrDefault(shingle);
            var inTruth = truth.GetValueOrDefault(shingle);
            truePositives += Math.Min(inPrediction, inTruth);
            falsePositives += Math.Max(0, inPrediction - inTruth);
            falseNegatives += Math.Max(0, inTruth - inPrediction);
        }

        var sum = truePositives + falsePositives + falseNegatives;
        return sum > 0
            ? new ShingleOverlap(truePositives / sum, falsePositives / sum, falseNegatives / sum)
            : new ShingleOverlap(0, 0, 0);
    }

    /// <summary>Runs of word characters as Python's <c>\w</c> reads them: letters, digits and numbers of any script, and '_'.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            if (IsWordCharacter(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    public static Dictionary<string, int> Shingles(string? text)
    {
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var start = 0; start < Math.Max(1, tokens.Count - ShingleLength + 1); start++)
        {
            var length = Math.Min(ShingleLength, tokens.Count - start);
            if (length <= 0)
            {
                break;
            }

            // U+0001 cannot occur inside a token, so joined shingles never collide.
            var shingle = string.Join('\u0001', tokens.Skip(start).Take(length));
            shingles[shingle] = shingles.GetValueOrDefault(shingle) + 1;
        }

        return shingles;
    }

    private static bool IsWordCharacter(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}

/// <summary>
/// The benchmark's figures over many pages: precision and recall are means over pages (precision over pages
/// where something was extracted, recall over pages where something was expected), F1 is the harmonic mean
/// of the two means, and each figure carries a 95 % interval, 1.96 standard deviations of its value over
/// bootstrap resamples of the pages.
/// </summary>
public sealed record ShingleScore(double Precision, double Recall, double F1, double PrecisionInterval, double RecallInterval, double F1Interval)
{
    public static ShingleScore Of(IReadOnlyList<ShingleOverlap> pages, int resamples = 1000, int seed = 20)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var (precision, recall, f1) = Means(pages);
        if (pages.Count < 2 || resamples < 2)
        {
            return new ShingleScore(precision, recall, f1, 0, 0, 0);
        }

        // A fixed seed: the same pages give the same interval on every run.
        var random = new Random(seed);
        var precisions = new double[resamples];
        var recalls = new double[resamples];
        var f1s = new double[resamples];
        var sample = new ShingleOverlap[pages.Count];
        for (var round = 0; round < resamples; round++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = pages[random.Next(pages.Count)];
            }

            (precisions[round], recalls[round], f1s[round]) = Means(sample);
        }

        return new ShingleScore(precision, recall, f1, Interval(precisions), Interval(recalls), Interval(f1s));
    }

    /// <summary>Mean precision, mean recall and the F1 of those two means.</summary>
    public static (double Precision, double Recall, double F1) Means(IReadOnlyCollection<ShingleOverlap> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var extracted = pages.Where(page => page.HasExtracted).ToList();
        var expected = pages.Where(page => page.HasExpected).ToList();
        var precision = extracted.Count == 0 ? 0 : extracted.Average(page => page.Precision);
        var recall = expected.Count == 0 ? 0 : expected.Average(page => page.Recall);
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /// <summary>1.96 × the sample standard deviation.</summary>
    private static double Interval(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1);
        return 1.96 * Math.Sqrt(variance);
    }
}

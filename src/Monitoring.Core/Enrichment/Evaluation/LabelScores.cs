namespace Monitoring.Core.Enrichment.Evaluation;

/// <summary>True/false positives and false negatives of one label (a country code).</summary>
public sealed record LabelCounts(string Label, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Support => TruePositives + FalseNegatives;

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    internal static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>
/// Multi-label precision, recall and F1 of predicted against gold label sets (one pair per document).
/// Micro pools every decision; macro averages per-label scores over the labels that occur in the gold data.
/// </summary>
public sealed class LabelScores
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _counts = new(StringComparer.Ordinal);

    public int Documents { get; private set; }

    /// <summary>Adds one document's gold and predicted labels.</summary>
    public void Add(IEnumerable<string> gold, IEnumerable<string> predicted)
    {
        var goldSet = gold.ToHashSet(StringComparer.Ordinal);
        var predictedSet = predicted.ToHashSet(StringComparer.Ordinal);
        Documents++;
        foreach (var label in goldSet.Union(predictedSet))
        {
            var (tp, fp, fn) = _counts.GetValueOrDefault(label);
            var inGold = goldSet.Contains(label);
            var inPredicted = predictedSet.Contains(label);
            _counts[label] = (tp + (inGold && inPredicted ? 1 : 0), fp + (!inGold && inPredicted ? 1 : 0), fn + (inGold && !inPredicted ? 1 : 0));
        }
    }

    /// <summary>Per-label counts, most frequent in the gold data first.</summary>
    public IReadOnlyList<LabelCounts> Labels =>
        _counts
            .Select(pair => new LabelCounts(pair.Key, pair.Value.Tp, pair.Value.Fp, pair.Value.Fn))
            .OrderByDescending(label => label.Support)
            .ThenBy(label => label.Label, StringComparer.Ordinal)
            .ToList();

    public LabelCounts Micro => new(
        "micro",
        _counts.Values.Sum(count => count.Tp),
        _counts.Values.Sum(count => count.Fp),
        _counts.Values.Sum(count => count.Fn));

    public (double Precision, double Recall, double F1) Macro
    {
        get
        {
            var inGold = Labels.Where(label => label.Support > 0).ToList();
            return inGold.Count == 0
                ? (0, 0, 0)
                : (inGold.Average(label => label.Precision), inGold.Average(label => label.Recall), inGold.Average(label => label.F1));
        }
    }
}

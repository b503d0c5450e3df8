using Monitoring.Core.Enrichment.Evaluation;

namespace Monitoring.Core.Tests.Enrichment.Evaluation;

public sealed class LabelScoresTests
{
    [Fact]
    public void ComputesMicroAndMacro_AsByHand()
    {
        var scores = new LabelScores();
        scores.Add(["US", "GB"], ["US"]);        // US tp, GB fn
        scores.Add(["US"], ["US", "FR"]);        // US tp, FR fp
        scores.Add(["GB"], ["GB"]);              // GB tp

        // Micro: tp 3, fp 1, fn 1 → P = R = 0.75.
        Assert.Equal(0.75, scores.Micro.Precision, 6);
        Assert.Equal(0.75, scores.Micro.Recall, 6);

        // Macro over gold labels US (P 1, R 1) and GB (P 1, R 0.5): P 1, R 0.75.
        var (precision, recall, _) = scores.Macro;
        Assert.Equal(1, precision, 6);
        Assert.Equal(0.75, recall, 6);
        Assert.Equal(3, scores.Documents);
    }
}

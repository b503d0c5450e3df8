using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Tests.Pages;

/// <summary>
/// The article-extraction benchmark's metric on texts whose answers were worked out by hand: four-token
/// shingles counted as bags, TP/FP/FN divided by their sum, precision and recall averaged over pages.
/// </summary>
public sealed class ShingleOverlapTests
{
    [Fact]
    public void Tokens_AreRunsOfWordCharacters_OfAnyScript_WithUnderscoreAndCaseKept()
    {
        Assert.Equal(["Don", "t_stop", "2024", "Приштина", "Beograd", "Shqipëri"], ShingleOverlap.Tokens("Don't_stop 2024: Приштина—Beograd, «Shqipëri»!"));
    }

    [Fact]
    public void OneWrongLastWord_LeavesOneOfTwoShinglesRight()
    {
        // expected: "a b c d", "b c d e"; extracted: "a b c d", "b c d x" → TP 1, FP 1, FN 1, each a third.
        var overlap = ShingleOverlap.Compare("a b c d x", "a b c d e");

        Assert.Equal(1 / 3.0, overlap.TruePositives, 9);
        Assert.Equal(1 / 3.0, overlap.FalsePositives, 9);
        Assert.Equal(1 / 3.0, overlap.FalseNegatives, 9);
        Assert.Equal(0.5, overlap.Precision, 9);
        Assert.Equal(0.5, overlap.Recall, 9);
    }

    [Fact]
    public void RepeatedShingles_CountAsOftenAsTheyOccur()
    {
        // expected "a b c d a b c d": abcd, bcda, cdab, dabc, abcd; extracted "a b c d": abcd once → TP 1, FN 4.
        var overlap = ShingleOverlap.Compare("a b c d", "a b c d a b c d");

        Assert.Equal(1.0, overlap.Precision, 9);
        Assert.Equal(0.2, overlap.Recall, 9);
    }

    [Fact]
    public void AShortText_IsOneShingle_AndCaseMatters()
    {
        // Three tokens make one shingle each; "The" differs from "the", so nothing matches.
        var overlap = ShingleOverlap.Compare("the cat sat", "The cat sat.");

        Assert.Equal(0.0, overlap.Precision);
        Assert.Equal(0.0, overlap.Recall);
        Assert.Equal(1.0, ShingleOverlap.Compare("The cat sat", "The cat sat.").Recall);
    }

    [Fact]
    public void MeanPrecision_LeavesOutPagesWhereNothingWasExtracted_ButMeanRecallCountsThem()
    {
        var pages = new[]
        {
            ShingleOverlap.Compare("a b c d x", "a b c d e"),   // P 0.5, R 0.5
            ShingleOverlap.Compare("the cat sat", "The cat sat"), // P 0,   R 0
            ShingleOverlap.Compare("", "one two three four five"), // nothing extracted: R 0, no precision
            ShingleOverlap.Compare("same four words here", "same four words here"), // P 1, R 1
        };

        var (precision, recall, f1) = ShingleScore.Means(pages);

        Assert.False(pages[2].HasExtracted);
        Assert.Equal(0.5, precision, 9);        // (0.5 + 0 + 1) / 3
        Assert.Equal(0.375, recall, 9);         // (0.5 + 0 + 0 + 1) / 4
        Assert.Equal(0.75 / 1.75, f1, 9);       // 2 · 0.5 · 0.375 / 0.875
    }

    [Fact]
    public void BootstrapInterval_IsZeroForIdenticalPages_AndTheSameOnEveryRun()
    {
        var same = Enumerable.Repeat(ShingleOverlap.Compare("a b c d x", "a b c d e"), 10).ToList();
        var mixed = new[] { "a b c d e", "a b c d x", "x y z w", "a b c d e f g" }
            .Select(text => ShingleOverlap.Compare(text, "a b c d e f g")).ToList();

        Assert.Equal(0.0, ShingleScore.Of(same).F1Interval, 9);
        Assert.True(ShingleScore.Of(mixed).F1Interval > 0.05, $"interval {ShingleScore.Of(mixed).F1Interval}");
        Assert.Equal(ShingleScore.Of(mixed), ShingleScore.Of(mixed));
    }
}

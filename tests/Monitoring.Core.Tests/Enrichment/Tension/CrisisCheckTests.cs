using Monitoring.Core.Enrichment.Tension;

namespace Monitoring.Core.Tests.Enrichment.Tension;

/// <summary>The month-or-quarter rule and the base of <see cref="CrisisCheck"/> on small hand-made series.</summary>
public sealed class CrisisCheckTests
{
    private static readonly Crisis MarchCrisis = new(new DateOnly(2008, 3, 17), "XK", "riots", "https://example.org");

    private static IEnumerable<TensionSample> Month(int year, int month, string country, int articles, int tense) =>
        Enumerable.Range(0, articles).Select(i => new TensionSample(new DateOnly(year, month, 1 + i), [country], i < tense));

    [Fact]
    public void AMonthTenserThanTheCountrysAverage_IsAHit()
    {
        // Shares 1/4, 3/4, 1/4: mean 5/12, March 3/4 → index 180.
        var samples = Month(2008, 2, "XK", 4, 1).Concat(Month(2008, 3, "XK", 4, 3)).Concat(Month(2008, 4, "XK", 4, 1)).ToList();

        var result = Assert.Single(CrisisCheck.Run(samples, [MarchCrisis], _ => true));

        Assert.Equal("2008-03", result.Period);
        Assert.Equal(180, result.Index);
        Assert.True(result.IsHit);
        Assert.True(result.IsReported);
    }

    [Fact]
    public void AMonthAtTheAverage_IsAMiss()
    {
        var samples = Month(2008, 2, "XK", 4, 2).Concat(Month(2008, 3, "XK", 4, 2)).ToList();

        var result = Assert.Single(CrisisCheck.Run(samples, [MarchCrisis], _ => false));

        Assert.Equal(100, result.Index);
        Assert.False(result.IsHit);
        Assert.False(result.IsReported);
    }

    [Fact]
    public void AThinMonth_IsReadAsItsQuarter()
    {
        // Two articles in March 2008 (fewer than three): the first quarter (1 tense of 3) against the second (0 of 3)
        // and the third (3 of 3): mean share 4/9, Q1 1/3 → index 75.
        var samples = Month(2008, 1, "XK", 1, 0)
            .Concat(Month(2008, 3, "XK", 2, 1))
            .Concat(Month(2008, 5, "XK", 3, 0))
            .Concat(Month(2008, 8, "XK", 3, 3))
            .ToList();

        var result = Assert.Single(CrisisCheck.Run(samples, [MarchCrisis], _ => true));

        Assert.Equal("2008-Q1", result.Period);
        Assert.Equal(3, result.Count);
        Assert.Equal(75, result.Index);
    }

    [Fact]
    public void OtherCountriesArticles_DoNotCount()
    {
        var samples = Month(2008, 3, "RS", 5, 5).Concat(Month(2008, 8, "XK", 3, 3)).ToList();

        var result = Assert.Single(CrisisCheck.Run(samples, [MarchCrisis], _ => true));

        Assert.Equal(0, result.Count);
        Assert.Null(result.Index);
        Assert.False(result.IsHit);
    }

    [Fact]
    public void CrisesOutsideTheCorpusSpan_AreLeftOut()
    {
        var samples = Month(2008, 3, "XK", 3, 3).ToList();

        Assert.Empty(CrisisCheck.Run(samples, [MarchCrisis], _ => true, from: new DateOnly(2009, 1, 1)));
    }
}

using Monitoring.Core.Enrichment.Tension;
using Monitoring.Core.Search;

namespace Monitoring.Core.Tests.Enrichment.Tension;

public sealed class TensionIndexTests
{
    private static DateBucket Month(int month, long count, long tense) =>
        new(new DateOnly(2025, month, 1), count, null) { TenseCount = tense };

    [Fact]
    public void TheBasePeriod_AveragesOneHundred()
    {
        // Shares 0.1 and 0.3 average 0.2; March's 0.4 is twice that.
        var points = TensionIndex.Compute([Month(1, 10, 1), Month(2, 10, 3), Month(3, 5, 2)], baseTo: new DateOnly(2025, 2, 1));

        Assert.Equal([50.0, 150.0, 200.0], points.Select(point => point.Index!.Value));
        Assert.Equal(100, points.Take(2).Average(point => point.Index!.Value), 6);
    }

    [Fact]
    public void MoreCoverage_IsNotMoreTension()
    {
        // Ten times the articles at the same tense share: the same index.
        var points = TensionIndex.Compute([Month(1, 10, 2), Month(2, 100, 20)]);

        Assert.Equal(points[0].Index, points[1].Index);
    }

    [Fact]
    public void AnEmptyPeriod_HasNoIndex_AndACalmBase_NormalisesNothing()
    {
        var points = TensionIndex.Compute([Month(1, 0, 0), Month(2, 10, 0), Month(3, 10, 5)], baseTo: new DateOnly(2025, 2, 1));

        Assert.Null(points[0].Share);
        Assert.All(points, point => Assert.Null(point.Index));
        Assert.Equal(0.5, points[2].Share);
    }
}

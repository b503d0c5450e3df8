using Monitoring.Core.Search;
using Monitoring.Web.Features.Overview;

namespace Monitoring.Web.Tests.Features.Overview;

public sealed class TensionTilesTests
{
    private static readonly DateOnly Week = new(2008, 2, 18);

    [Theory]
    [InlineData(0, null, TileBand.NoCoverage)]
    [InlineData(3, null, TileBand.NoBaseline)]
    [InlineData(3, 0.0, TileBand.Calmer)]
    [InlineData(3, 79.9, TileBand.Calmer)]
    [InlineData(3, 80.0, TileBand.Usual)]
    [InlineData(3, 124.9, TileBand.Usual)]
    [InlineData(3, 125.0, TileBand.Elevated)]
    [InlineData(3, 199.9, TileBand.Elevated)]
    [InlineData(3, 200.0, TileBand.High)]
    public void TheBand_FollowsTheIndexAgainstTheBaseline(long count, double? index, TileBand expected)
    {
        Assert.Equal(expected, TensionTiles.Classify(count, index));
    }

    [Fact]
    public void EachBand_HasItsOwnColour()
    {
        var colours = Enum.GetValues<TileBand>().Select(TensionTiles.Color).ToList();

        Assert.Equal(colours.Count, colours.Distinct().Count());
    }

    [Fact]
    public void ThisWeek_IsComparedWithTheCountrysOwnPrecedingWeeks()
    {
        // Serbia: in the two baseline weeks 1 of 4 and 1 of 4 tense (share 0.25); this week 3 of 6 (0.5) → index 200.
        // Kosovo: baseline 1 of 2 (0.5); this week 1 of 4 (0.25) → 50. Croatia only this week, nothing tense before.
        var weekly = new CoverageTrend(
            DateInterval.Week,
            [],
            [
                new CountrySeries("RS", Weeks((4, 1), (4, 1), (6, 3))),
                new CountrySeries("XK", Weeks((2, 1), (0, 0), (4, 1))),
                new CountrySeries("HR", Weeks((0, 0), (0, 0), (2, 1))),
            ],
            0);

        var tiles = TensionTiles.Compute(weekly, OverviewPeriod.Week, Week).ToDictionary(tile => tile.Code);

        Assert.Equal(12, tiles.Count);
        Assert.Equal((200.0, TileBand.High), (tiles["RS"].Index!.Value, tiles["RS"].Band));
        Assert.Equal((50.0, TileBand.Calmer), (tiles["XK"].Index!.Value, tiles["XK"].Band));
        Assert.Equal((6L, 3L), (tiles["RS"].Count, tiles["RS"].TenseCount));
        Assert.Equal(TileBand.NoBaseline, tiles["HR"].Band);
        Assert.Equal(TileBand.NoCoverage, tiles["AL"].Band);
    }

    [Fact]
    public void AMonth_IsComparedWithTheTwelveMonthsBefore_AndNotWithOlderOnes()
    {
        // Serbia, March 2026: 1 of 2 tense (0.5). February 2025 (thirteen months before) is all tense and must
        // not count; the baseline, March 2025 to February 2026, holds 1 tense of 2 and 0 of 2 (0.25) → index 200.
        var march = new DateOnly(2026, 3, 1);
        var monthly = new CoverageTrend(
            DateInterval.Month,
            [],
            [
                new CountrySeries("RS",
                [
                    new DateBucket(new DateOnly(2025, 2, 1), 5, null) { TenseCount = 5 },
                    new DateBucket(new DateOnly(2025, 3, 1), 2, null) { TenseCount = 1 },
                    new DateBucket(new DateOnly(2025, 10, 1), 2, null) { TenseCount = 0 },
                    new DateBucket(march, 2, null) { TenseCount = 1 },
                ]),
            ],
            0);

        var serbia = TensionTiles.Compute(monthly, OverviewPeriod.Month, march).Single(tile => tile.Code == "RS");

        Assert.Equal((200.0, TileBand.High), (serbia.Index!.Value, serbia.Band));
    }

    private static List<DateBucket> Weeks(params (long Count, long Tense)[] counts) =>
        [.. counts.Select((count, i) => new DateBucket(Week.AddDays(7 * (i - counts.Length + 1)), count.Count, null) { TenseCount = count.Tense })];
}

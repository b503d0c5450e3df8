using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

/// <summary>Small hand-made trends whose chart values are worked out by hand in the tests.</summary>
internal static class TrendSamples
{
    public static readonly DateOnly Jan = new(2008, 1, 1);
    public static readonly DateOnly Feb = new(2008, 2, 1);
    public static readonly DateOnly Mar = new(2008, 3, 1);

    /// <summary>
    /// Three months: all coverage 10, 20, 0 articles (2, 10, 0 tense); Kosovo 4, 10, 0 (1, 5, 0 tense);
    /// Serbia 5, 0, 0 (none tense). Seven topics, tagged a 4×, b 3×, c 2×, d 1× in January and e 2×, f 1×, g 1× in February.
    /// </summary>
    public static TrendsData Sample(TrendState? state = null) => new(
        state ?? new TrendState(),
        new CoverageTrend(
            DateInterval.Month,
            Buckets((10, 2), (20, 10), (0, 0)),
            [new CountrySeries("XK", Buckets((4, 1), (10, 5), (0, 0))), new CountrySeries("RS", Buckets((5, 0), (0, 0), (0, 0)))],
            UndatedCount: 3),
        [],
        [
            new TopicTrend("a", [4, 0, 0]), new TopicTrend("b", [3, 0, 0]), new TopicTrend("c", [2, 0, 0]), new TopicTrend("d", [1, 0, 0]),
            new TopicTrend("e", [0, 2, 0]), new TopicTrend("f", [0, 1, 0]), new TopicTrend("g", [0, 1, 0]),
        ]);

    public static string Name(string code) => code switch
    {
        "XK" => "Kosovo",
        "RS" => "Serbia",
        _ => code,
    };

    public static List<DateBucket> Buckets(params (long Count, long Tense)[] counts) =>
        [.. counts.Select((count, i) => new DateBucket(Jan.AddMonths(i), count.Count, null) { TenseCount = count.Tense })];
}

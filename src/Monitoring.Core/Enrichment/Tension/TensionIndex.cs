using Monitoring.Core.Search;

namespace Monitoring.Core.Enrichment.Tension;

/// <summary>One period of the tension index.</summary>
/// <param name="Share">Tense articles / all articles of the period; null when the period has no article.</param>
/// <param name="Index">The share relative to the base period's average share, ×100; null when the period is empty
/// or the base period has no tense article (nothing to normalise by).</param>
public sealed record TensionIndexPoint(DateOnly Start, long Count, long TenseCount, double? Share, double? Index);

/// <summary>
/// The tension index after Caldara and Iacoviello's Geopolitical Risk index: per period, the share of the
/// coverage (of a country, or of everything) that is tense, normalised so that the base period averages 100.
/// A value of 150 means half again as much of the coverage was tense as in an average base-period bucket.
/// Shares, not counts, so that more coverage does not by itself read as more tension.
/// </summary>
public static class TensionIndex
{
    /// <param name="buckets">Periods in date order with <see cref="DateBucket.Count"/> and <see cref="DateBucket.TenseCount"/>.</param>
    /// <param name="baseFrom">First day of the base period (inclusive); null = from the first bucket.</param>
    /// <param name="baseTo">Last day of the base period (inclusive, compared with bucket starts); null = to the last bucket.</param>
    public static IReadOnlyList<TensionIndexPoint> Compute(IReadOnlyList<DateBucket> buckets, DateOnly? baseFrom = null, DateOnly? baseTo = null)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var shares = buckets.Select(bucket => bucket.Count > 0 ? (double)bucket.TenseCount / bucket.Count : (double?)null).ToList();
        var baseShares = buckets
            .Select((bucket, i) => (bucket.Start, Share: shares[i]))
            .Where(point => point.Share is not null && (baseFrom is null || point.Start >= baseFrom) && (baseTo is null || point.Start <= baseTo))
            .Select(point => point.Share!.Value)
            .ToList();
        var baseline = baseShares.Count == 0 ? 0 : baseShares.Average();
        return buckets
            .Select((bucket, i) => new TensionIndexPoint(
                bucket.Start,
                bucket.Count,
                bucket.TenseCount,
                shares[i],
                shares[i] is { } share && baseline > 0 ? Math.Round(100 * share / baseline, 1) : null))
            .ToList();
    }
}

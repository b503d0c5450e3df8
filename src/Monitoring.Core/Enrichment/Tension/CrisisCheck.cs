using Monitoring.Core.Search;

namespace Monitoring.Core.Enrichment.Tension;

/// <summary>What the index needs of one enriched article: its day, the countries it mentions, tense or not.</summary>
public sealed record TensionSample(DateOnly Published, IReadOnlyCollection<string> Countries, bool IsTense);

/// <param name="Period">"2008-02" for a month, "2011-Q3" for a quarter.</param>
/// <param name="Index">The country's tension index in that period (<see cref="TensionIndex"/>, base = 100), null without coverage.</param>
/// <param name="IsReported">The corpus holds an item that reports the crisis (read by hand, <see cref="Crisis"/>).</param>
public sealed record CrisisResult(Crisis Crisis, string Period, long Count, long TenseCount, double? Index, bool IsReported)
{
    /// <summary>The index stands above the country's base (100).</summary>
    public bool IsHit => Index > 100;

}

/// <summary>
/// Does the tension index follow known crises? For each crisis, the index of its country — articles that mention
/// the country, the trends chart's default — in the crisis's month, computed by <see cref="TensionIndex.Compute"/>
/// over every month of the corpus with the default base: the mean monthly tense share of the country over the
/// whole corpus is 100. Where the corpus is thin (fewer than <see cref="MinimumMonthArticles"/> articles of the
/// country in the month) the quarter is used, with quarterly buckets and base. A hit is an index above 100.
/// </summary>
public static class CrisisCheck
{
    public const int MinimumMonthArticles = 3;

    /// <param name="isReported">Whether the corpus reports the crisis, e.g. <c>crisis =&gt; crisis.DemoItem is not null</c>.</param>
    /// <param name="from">Only crises on or after this day (the start of the corpus); null = all.</param>
    /// <param name="to">Only crises on or before this day; null = all.</param>
    public static IReadOnlyList<CrisisResult> Run(IReadOnlyList<TensionSample> samples, IEnumerable<Crisis> crises, Func<Crisis, bool> isReported, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(crises);
        ArgumentNullException.ThrowIfNull(isReported);
        var results = new List<CrisisResult>();
        foreach (var crisis in crises.Where(crisis => (from is null || crisis.Date >= from) && (to is null || crisis.Date <= to)))
        {
            var ofCountry = samples.Where(sample => sample.Countries.Contains(crisis.Country, StringComparer.Ordinal)).ToList();
            var month = MonthOf(crisis.Date);
            var monthCount = ofCountry.Count(sample => MonthOf(sample.Published) == month);
            results.Add(monthCount >= MinimumMonthArticles
                ? Measure(crisis, ofCountry, MonthOf, 1, $"{crisis.Date:yyyy-MM}", isReported(crisis))
                : Measure(crisis, ofCountry, QuarterOf, 3, $"{crisis.Date:yyyy}-Q{((crisis.Date.Month - 1) / 3) + 1}", isReported(crisis)));
        }

        return results;
    }

    private static CrisisResult Measure(Crisis crisis, List<TensionSample> ofCountry, Func<DateOnly, DateOnly> period, int months, string label, bool reported)
    {
        var target = period(crisis.Date);
        if (ofCountry.Count == 0)
        {
            return new CrisisResult(crisis, label, 0, 0, null, reported);
        }

        // Every period from the country's first article to its last (or the crisis), empty ones included.
        var first = period(ofCountry.Min(sample => sample.Published));
        var last = period(ofCountry.Max(sample => sample.Published));
        first = first < target ? first : target;
        last = last > target ? last : target;
        var byPeriod = ofCountry.GroupBy(sample => period(sample.Published)).ToDictionary(group => group.Key, group => group.ToList());
        var buckets = new List<DateBucket>();
        for (var start = first; start <= last; start = start.AddMonths(months))
        {
            var inPeriod = byPeriod.GetValueOrDefault(start) ?? [];
            buckets.Add(new DateBucket(start, inPeriod.Count, null) { TenseCount = inPeriod.Count(sample => sample.IsTense) });
        }

        var point = TensionIndex.Compute(buckets).Single(point => point.Start == target);
        return new CrisisResult(crisis, label, point.Count, point.TenseCount, point.Index, reported);
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly QuarterOf(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
}

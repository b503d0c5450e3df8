using Monitoring.Core.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Tests.Features.Trends;

public sealed class IntervalChoiceTests
{
    private static readonly DateOnly Start = new(2016, 1, 1);

    [Fact]
    public void ASparseArchive_OpensOnYears()
    {
        // 24 years, eight countries of about 100 articles each: four a year per country.
        Assert.Equal(DateInterval.Year, IntervalChoice.For(Monthly(months: 288, perCountryPerMonth: [1, 1, 1, 0, 0, 1, 0, 1])));
    }

    [Fact]
    public void ADenseArchive_OpensOnDays_WhenTheTypicalCountryHasThirtyArticlesADay()
    {
        // Two years; the median of the countries has 1,000 a month: about 33 a day.
        Assert.Equal(DateInterval.Day, IntervalChoice.For(Monthly(months: 24, perCountryPerMonth: [5_000, 2_000, 1_000, 400])));
    }

    [Fact]
    public void TheTypicalCountry_NotTheLargest_Decides()
    {
        // The largest has 40 a week, but the median country 300 a month: 70 a week, 10 a day → weeks.
        Assert.Equal(DateInterval.Week, IntervalChoice.For(Monthly(months: 24, perCountryPerMonth: [40_000, 300, 300, 10])));
        // The median country has 100 a month (23 a week): months.
        Assert.Equal(DateInterval.Month, IntervalChoice.For(Monthly(months: 24, perCountryPerMonth: [40_000, 100, 100, 10])));
    }

    [Fact]
    public void WithoutCountries_AllCoverageDecides_AndNothingToChart_StaysMonthly()
    {
        var total = Enumerable.Range(0, 12).Select(i => new DateBucket(Start.AddMonths(i), 1_500, null)).ToList();

        Assert.Equal(DateInterval.Day, IntervalChoice.For(new CoverageTrend(DateInterval.Month, total, [], 0)));
        Assert.Equal(DateInterval.Month, IntervalChoice.For(CoverageTrend.Empty(DateInterval.Month)));
    }

    private static CoverageTrend Monthly(int months, long[] perCountryPerMonth)
    {
        List<DateBucket> Buckets(long perMonth) => [.. Enumerable.Range(0, months).Select(i => new DateBucket(Start.AddMonths(i), perMonth, null))];
        return new CoverageTrend(
            DateInterval.Month,
            Buckets(perCountryPerMonth.Sum()),
            [.. perCountryPerMonth.Select((perMonth, i) => new CountrySeries($"C{i}", Buckets(perMonth)))],
            0);
    }
}

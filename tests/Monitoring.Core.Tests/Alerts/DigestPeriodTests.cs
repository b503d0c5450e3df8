using Monitoring.Core.Alerts;

namespace Monitoring.Core.Tests.Alerts;

public sealed class DigestPeriodTests
{
    private static readonly TimeZoneInfo Belgrade = TimeZoneInfo.FindSystemTimeZoneById("Europe/Belgrade");

    [Fact]
    public void ADailyDigest_RunsFromLocalMidnightToLocalMidnight_InSummer()
    {
        // 2026-07-10 12:00 in Belgrade is 10:00 UTC (CEST, +2).
        var period = DigestPeriod.Containing(DeliveryMode.Daily, new DateTimeOffset(2026, 7, 10, 10, 0, 0, TimeSpan.Zero), Belgrade);

        Assert.Equal(new DateTimeOffset(2026, 7, 9, 22, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 22, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal("2026-07-10", period.Key);
    }

    [Fact]
    public void TheDayClocksGoForward_Lasts23Hours()
    {
        // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
        var period = DigestPeriod.Containing(DeliveryMode.Daily, new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), Belgrade);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal(TimeSpan.FromHours(23), period.End - period.Start);
    }

    [Fact]
    public void TheDayClocksGoBack_Lasts25Hours()
    {
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET.
        var period = DigestPeriod.Containing(DeliveryMode.Daily, new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero), Belgrade);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void AnArticleJustBeforeLocalMidnight_BelongsToThatDay_NotTheUtcDate()
    {
        // 23:30 in Belgrade on 10 July is 21:30 UTC the same day; 00:30 on 11 July is 22:30 UTC on 10 July.
        var lateEvening = DigestPeriod.Containing(DeliveryMode.Daily, new DateTimeOffset(2026, 7, 10, 21, 30, 0, TimeSpan.Zero), Belgrade);
        var afterMidnight = DigestPeriod.Containing(DeliveryMode.Daily, new DateTimeOffset(2026, 7, 10, 22, 30, 0, TimeSpan.Zero), Belgrade);

        Assert.Equal("2026-07-10", lateEvening.Key);
        Assert.Equal("2026-07-11", afterMidnight.Key);
    }

    [Fact]
    public void HourlyPeriods_AcrossTheNightClocksGoBack_AreWholeHours_EachOnce()
    {
        // From 23:00 UTC on 24 October to 03:00 UTC on 25 October Belgrade's clock passes 02:xx twice.
        var hours = Enumerable.Range(0, 8)
            .Select(step => new DateTimeOffset(2026, 10, 24, 23, 15, 0, TimeSpan.Zero).AddMinutes(30 * step))
            .Select(instant => DigestPeriod.Containing(DeliveryMode.Hourly, instant, Belgrade))
            .DistinctBy(period => period.Key)
            .ToList();

        Assert.Equal(4, hours.Count);
        Assert.All(hours, period => Assert.Equal(TimeSpan.FromHours(1), period.End - period.Start));
        Assert.All(hours.Zip(hours.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero), hours[0].Start);
    }

    [Fact]
    public void HourlyPeriods_FollowTheLocalClock_InAZoneWithAHalfHourOffset()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        // 10:10 UTC is 15:40 in Kolkata (+5:30): its hour began at 15:00 local, 09:30 UTC.
        var period = DigestPeriod.Containing(DeliveryMode.Hourly, new DateTimeOffset(2026, 7, 10, 10, 10, 0, TimeSpan.Zero), kolkata);

        Assert.Equal(new DateTimeOffset(2026, 7, 10, 9, 30, 0, TimeSpan.Zero), period.Start);
    }

    [Fact]
    public void LastClosed_IsThePeriodBeforeTheCurrentOne()
    {
        var now = new DateTimeOffset(2026, 7, 11, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-07-10", DigestPeriod.LastClosed(DeliveryMode.Daily, now, Belgrade).Key);
        Assert.Equal(new DateTimeOffset(2026, 7, 11, 4, 0, 0, TimeSpan.Zero), DigestPeriod.LastClosed(DeliveryMode.Hourly, now, Belgrade).Start);
    }

    [Fact]
    public void InstantAlerts_HaveNoPeriod()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestPeriod.Containing(DeliveryMode.Instant, DateTimeOffset.UnixEpoch, Belgrade));
    }
}

using Monitoring.Core.Alerts;

namespace Monitoring.Core.Tests.Alerts;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 7, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheDelay_DoublesAfterEachFailure_UpToTheLongest()
    {
        var schedule = new RetrySchedule(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3));

        var delays = Enumerable.Range(1, 5).Select(attempt => schedule.NextAttempt(attempt, FailedAt) - FailedAt);

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)],
            delays);
    }

    [Fact]
    public void AfterTheLastAttempt_TheDeliveryIsGivenUp()
    {
        var schedule = new RetrySchedule(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.NotNull(schedule.NextAttempt(2, FailedAt));
        Assert.Null(schedule.NextAttempt(3, FailedAt));
    }
}

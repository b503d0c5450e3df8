namespace Monitoring.Core.Alerts;

/// <summary>
/// When a failed delivery is tried again: the delay doubles from <see cref="FirstDelay"/> up to
/// <see cref="LongestDelay"/>, and after <see cref="MaxAttempts"/> failures the delivery is given up and
/// marked failed.
/// </summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan FirstDelay, TimeSpan LongestDelay)
{
    public static RetrySchedule Default { get; } = new(6, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30));

    /// <summary>When to try again after the <paramref name="failedAttempts"/>-th failure, or null to give up.</summary>
    public DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset failedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        if (failedAttempts >= MaxAttempts)
        {
            return null;
        }

        var delay = FirstDelay * Math.Pow(2, failedAttempts - 1);
        return failedAt + (delay < LongestDelay ? delay : LongestDelay);
    }
}

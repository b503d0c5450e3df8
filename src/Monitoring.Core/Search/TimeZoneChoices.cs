namespace Monitoring.Core.Search;

/// <summary>The time zones offered for bucketing: where the region's readers and the usual reference points are.</summary>
public static class TimeZoneChoices
{
    public static IReadOnlyList<string> Offered { get; } =
        ["Europe/Belgrade", "Europe/Athens", "Europe/Istanbul", "Europe/London", "Europe/Moscow", "America/New_York", "UTC"];

    /// <summary>Whether this machine knows the IANA id (any id, not only the offered ones).</summary>
    public static bool IsKnown(string timeZoneId)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}

using Monitoring.Core.Search;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// The quick date ranges. The engine filters whole days in the chosen time zone, so "24h" means
/// yesterday and today there, and each preset ends today.
/// </summary>
public sealed record DateRangePreset(string Key, string Label, int? Days)
{
    public static IReadOnlyList<DateRangePreset> All { get; } =
    [
        new("24h", "24 h", 2),
        new("7d", "7 days", 7),
        new("30d", "30 days", 30),
        new("1y", "1 year", 365),
        new("all", "All", null),
    ];

    /// <summary>The inclusive days this preset covers, ending on today's date in <paramref name="timeZone"/>.</summary>
    public (DateOnly? From, DateOnly? To) Range(DateTimeOffset now, string timeZone)
    {
        if (Days is not { } days)
        {
            return (null, null);
        }

        var today = ZonedDates.LocalDate(now, ZonedDates.Find(timeZone));
        return (today.AddDays(1 - days), today);
    }
}

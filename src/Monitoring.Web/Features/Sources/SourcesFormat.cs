using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Sources;

namespace Monitoring.Web.Features.Sources;

/// <summary>Times and durations as the Sources page shows them: relative and short.</summary>
internal static class SourcesFormat
{
    public static string When(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } value)
        {
            return "never";
        }

        var ago = now - value;
        return ago >= TimeSpan.Zero ? Duration(ago) + " ago" : "in " + Duration(-ago);
    }

    /// <summary>"RS · Public broadcaster · sr", leaving out what is not known.</summary>
    public static string Outlet(FeedSource source) =>
        string.Join(" · ", new[] { source.Country, source.Kind?.Label(), source.Languages.Count > 0 ? string.Join(", ", source.Languages) : null }.OfType<string>());

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalMinutes: < 1 } value => string.Create(CultureInfo.CurrentCulture, $"{value.TotalSeconds:0} s"),
        { TotalHours: < 1 } value => string.Create(CultureInfo.CurrentCulture, $"{value.TotalMinutes:0} min"),
        { TotalDays: < 2 } value => string.Create(CultureInfo.CurrentCulture, $"{value.TotalHours:0.#} h"),
        { } value => string.Create(CultureInfo.CurrentCulture, $"{value.TotalDays:0.#} days"),
    };
}

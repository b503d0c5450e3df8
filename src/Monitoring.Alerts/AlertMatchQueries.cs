using Monitoring.Alerts.Data;

namespace Monitoring.Alerts;

public static class AlertMatchQueries
{
    /// <summary>
    /// The matches a digest of [<paramref name="start"/>, <paramref name="end"/>) reports: all copies of a
    /// story, so the digest lists every outlet, except stories the alert reported before the period when
    /// it wants new stories only.
    /// </summary>
    public static IQueryable<AlertMatch> DigestMatches(this AlertsDbContext db, Alert alert, DateTimeOffset start, DateTimeOffset end)
    {
        var alertId = alert.Id;
        var inPeriod = db.AlertMatches.Where(match => match.AlertId == alertId && match.SearchableAt >= start && match.SearchableAt < end);
        return alert.NewStoriesOnly
            ? inPeriod.Where(match => !db.AlertMatches.Any(earlier =>
                earlier.AlertId == alertId && earlier.StoryKey == match.StoryKey && earlier.SearchableAt < start))
            : inPeriod;
    }
}

using Monitoring.Core.Alerts;

namespace Monitoring.Alerts;

public static class AlertQueries
{
    public static Task RegisterAsync(IAlertPercolator percolator, Guid alertId, string queryJson, CancellationToken cancellationToken) =>
        percolator.RegisterAsync(alertId.ToString(), SavedQuery.FromJson(queryJson).ToArticleQuery(), cancellationToken);
}

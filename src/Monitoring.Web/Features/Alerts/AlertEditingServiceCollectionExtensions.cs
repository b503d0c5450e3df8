using Monitoring.Alerts;

namespace Monitoring.Web.Features.Alerts;

public static class AlertEditingServiceCollectionExtensions
{
    /// <summary>
    /// What the editors' pages use: changes to alerts, their preview, and the bell's inbox. Needs the alerts
    /// themselves (<see cref="AlertsServiceCollectionExtensions.AddAlerts"/>).
    /// </summary>
    public static IServiceCollection AddAlertEditing(this IServiceCollection services)
    {
        services.AddSingleton<AlertService>();
        services.AddSingleton<AlertPreviewer>();
        services.AddSingleton<NotificationInbox>();
        return services;
    }
}

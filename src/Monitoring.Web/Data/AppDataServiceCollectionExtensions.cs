using Microsoft.AspNetCore.DataProtection;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Data;

public static class AppDataServiceCollectionExtensions
{
    /// <summary>The name that isolates this app's protected payloads; fixed, so it does not depend on the install path.</summary>
    public const string DataProtectionApplicationName = "balkan-media-monitor";

    /// <summary>
    /// The web app's keys for sign-in cookies and forms, kept in the app database (<see cref="AppDbContext"/>, which
    /// both hosts register and migrate: <c>AddMonitoringServices</c>).
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services)
    {
        // One key ring for every node, and one application name, so that a cookie or form one web node issued is
        // accepted by any other behind the proxy (docs/deploy.md).
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}

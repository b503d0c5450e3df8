using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitoring.Alerts.Data;

namespace Monitoring.Web.Data;

public static class AppDataServiceCollectionExtensions
{
    /// <summary>The name that isolates this app's protected payloads; fixed, so it does not depend on the install path.</summary>
    public const string DataProtectionApplicationName = "balkan-media-monitor";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> (through a factory: Blazor Server components outlive a request,
    /// so each operation takes its own short-lived context) and applies pending migrations at start-up.
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services)
    {
        services.AddOptions<AppDataOptions>()
            .BindConfiguration(AppDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAppDbContexts(provider => AppDbContextFactory.From(
            provider.GetRequiredService<IOptions<AppDataOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // First of the hosted services: Data Protection's own, which the web host registers before ours, reads the key
        // ring from this database when it starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AppDataMigrator>());
        services.AddSingleton(MigrateCommand.Step);
        // One key ring for every node, and one application name, so that a cookie or form one web node issued is
        // accepted by any other behind the proxy (docs/deploy.md).
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>
    /// <see cref="AppDbContext"/> from <paramref name="factory"/>: the factory as a singleton, and a context per
    /// scope for what takes one per request (Identity's stores), disposed with the scope.
    /// </summary>
    public static IServiceCollection AddAppDbContexts(this IServiceCollection services, Func<IServiceProvider, AppDbContextFactory> factory)
    {
        services.AddSingleton<IDbContextFactory<AppDbContext>>(factory);
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }
}

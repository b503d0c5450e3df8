using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitoring.Alerts.Data;

namespace Monitoring.Hosting.AppData;

public static class AppDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The app database for both hosts: <see cref="AppDbContext"/> on the configured provider (through a factory, and
    /// per scope for what takes one per request), its migration at start-up before any other hosted service (the web
    /// app's Data Protection reads its key ring from it, the alert jobs its tables), and the migration step's name for
    /// nodes that must not migrate.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services)
    {
        services.AddOptions<AppDataOptions>()
            .BindConfiguration(AppDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAppDbContexts(provider => AppDbContextFactory.From(
            provider.GetRequiredService<IOptions<AppDataOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AppDataMigrator>());
        services.AddSingleton(MigrateCommand.Step);
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

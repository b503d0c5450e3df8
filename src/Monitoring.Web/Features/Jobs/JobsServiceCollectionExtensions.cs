using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Hosting;

namespace Monitoring.Web.Features.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire with the configured storage, and a server in this process when its role runs jobs.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, HostingRole role)
    {
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Hangfire's defaults for these two are the process-wide JobStorage.Current and JobActivator.Current,
        // which the next host started in the same process (a test, a tool) would overwrite: each host gets its own.
        services.AddSingleton(CreateStorage);
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));

        if (role.RunsJobs)
        {
            services.AddHangfireServer((provider, server) =>
                server.WorkerCount = provider.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        }

        return services;
    }

    /// <summary>Where the Hangfire dashboard is served.</summary>
    public const string DashboardPath = "/jobs";

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard)
        {
            // Admins only, by the app's policy; Hangfire's own local-requests-only filter is replaced by it.
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { DisplayStorageConnectionString = false, Authorization = [] })
                .RequireAuthorization(Policies.Administer);
        }

        return app;
    }

    private static JobStorage CreateStorage(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
        switch (options.Storage)
        {
            case JobStorageKind.InMemory:
                return new InMemoryStorage(new InMemoryStorageOptions());
            case JobStorageKind.PostgreSql:
                // Long polling (LISTEN/NOTIFY) hands a new job to a waiting worker at once; the 1 s poll is the fallback.
                var postgres = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), EnableLongPolling = true };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnectionString!, postgres, connectionSetup: null), postgres);
            default:
                var path = Path.GetFullPath(options.SqlitePath, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);

                // The storage polls its queue; its 15 s default would leave new jobs waiting visibly.
                return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        }
    }
}

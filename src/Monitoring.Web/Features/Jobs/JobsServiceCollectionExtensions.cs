using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire with the configured storage and a server in this process.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHangfire((provider, configuration) =>
        {
            var options = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>()));
            if (options.Storage == JobStorageKind.InMemory)
            {
                configuration.UseInMemoryStorage(new InMemoryStorageOptions());
                return;
            }

            var path = Path.GetFullPath(options.SqlitePath, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // The storage polls its queue; its 15 s default would leave new jobs waiting visibly.
            configuration.UseSQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        });
        services.AddHangfireServer((provider, server) =>
            server.WorkerCount = provider.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        return services;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard)
        {
            // Admins only, by the app's policy; Hangfire's own local-requests-only filter is replaced by it.
            app.MapHangfireDashboard("/jobs", new DashboardOptions { DisplayStorageConnectionString = false, Authorization = [] })
                .RequireAuthorization(Policies.Administer);
        }

        return app;
    }
}

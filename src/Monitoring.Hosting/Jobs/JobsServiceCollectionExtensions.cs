using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace Monitoring.Hosting.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire's client on the configured storage: what every host needs to enqueue jobs, trigger schedules
    /// and (on the web app) show the dashboard. The worker adds the server (<see cref="AddJobServer"/>).
    /// </summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services)
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
        return services;
    }

    /// <summary>A Hangfire server in this process, running <see cref="JobsOptions.WorkerCount"/> jobs at once.</summary>
    public static IServiceCollection AddJobServer(this IServiceCollection services)
    {
        services.AddHangfireServer((provider, server) =>
            server.WorkerCount = provider.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        return services;
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

                // The storage polls its queue; its 15 s default would leave new jobs waiting visibly. A lock (the one
                // DisableConcurrentExecution takes) is renewed by its holder's heartbeat while the job runs, and one left by a
                // killed process expires after DistributedLockLifetime: 30 s by default, which the restarted worker's first
                // inbox run waited out (60-70 s with the retry). 3 s lets work resume within 5 s of a restart.
                return new SQLiteStorage(path, new SQLiteStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    DistributedLockLifetime = TimeSpan.FromSeconds(3),
                });
        }
    }
}

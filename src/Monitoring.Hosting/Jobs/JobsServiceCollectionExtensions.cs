using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
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
        services.AddSingleton(CreateFilterProvider);
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
                var postgres = PostgreSqlOptions();
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnectionString!, postgres, connectionSetup: null), postgres);
            default:
                var path = Path.GetFullPath(options.SqlitePath, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);

                // The storage polls its queue; its 15 s default would leave new jobs waiting visibly. A lock (the one
                // DisableConcurrentExecution takes) is renewed by its holder's heartbeat while the job runs, and one left by a
                // killed process expires after DistributedLockLifetime: 30 s by default, which the restarted worker's first
                // inbox run waited out (60-70 s with the retry). 3 s lets work resume within 5 s of a restart.
                // InvisibilityTimeout stays at its 30 min default: this storage does not keep a fetched job invisible
                // while it runs, so a shorter one would hand a long inbox run to a second worker while it still runs.
                // Nothing waits for it after a kill: every kind of work is enqueued again at start (inbox, drop folder,
                // seeds) or minutely (the inbox sweep, feed dispatch, alert scans, digests and deliveries), and the
                // killed process's own job, when it shows again, finds its work done (the jobs are re-entrant).
                return new SQLiteStorage(path, new SQLiteStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    DistributedLockLifetime = TimeSpan.FromSeconds(3),
                });
        }
    }

    /// <summary>How long a PostgreSQL job lock lives without renewal (<see cref="PostgreSqlLockRenewal"/> renews it while its job runs).</summary>
    internal static readonly TimeSpan PostgreSqlLockTimeout = TimeSpan.FromSeconds(5);

    private static PostgreSqlStorageOptions PostgreSqlOptions() => new()
    {
        // Long polling (LISTEN/NOTIFY) hands a new job to a waiting worker at once; the 1 s poll is the fallback.
        QueuePollInterval = TimeSpan.FromSeconds(1),
        EnableLongPolling = true,

        // A lock older than this is taken over by the next worker that wants it; the default, 10 min, held every job of
        // that kind that long after a kill. Renewed while its job runs, so only a dead process's locks get this old.
        DistributedLockTimeout = PostgreSqlLockTimeout,

        // A fetched job stays invisible to other workers while its server's heartbeat keeps it so, and shows again
        // 30 s after that server died (instead of 30 min), so a job a dead worker held is run by another one.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Hangfire's own filters, and on PostgreSQL the renewal of running jobs' locks; for this host's server only.</summary>
    private static IJobFilterProvider CreateFilterProvider(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
        var filters = new JobFilterCollection();
        if (options.Storage == JobStorageKind.PostgreSql)
        {
            filters.Add(new PostgreSqlLockRenewal(
                options.PostgreSqlConnectionString!,
                PostgreSqlLockTimeout,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<PostgreSqlLockRenewal>()));
        }

        return new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
    }
}

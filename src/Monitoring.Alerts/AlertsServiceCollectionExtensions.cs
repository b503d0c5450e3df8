using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Alerts.Data;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Saved alerts' settings, tables, jobs and channels: what both hosts need, the web app to enqueue and show,
    /// the worker to run. The minutely schedules are set by <see cref="AddAlertSchedules"/>, on the worker only.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>()
            .BindConfiguration(AlertsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AppDataOptions>()
            .BindConfiguration(AppDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IDbContextFactory<AlertsDbContext>>(provider => AlertsDbContextFactory.From(
            provider.GetRequiredService<IOptions<AppDataOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<AlertScanJob>();
        services.AddTransient<AlertDigestJob>();
        services.AddTransient<AlertDeliveryJob>();
        services.AddAlertChannels();
        services.AddSingleton<IArticlesIndexedHandler, ScanAfterIndexing>();
        return services;
    }

    /// <summary>The minutely sweeps that make matching, digests and retries happen even when no trigger came.</summary>
    public static IServiceCollection AddAlertSchedules(this IServiceCollection services)
    {
        services.AddHostedService<AlertJobsStarter>();
        return services;
    }

    /// <summary>In-app, e-mail and webhook; they need <see cref="AlertsOptions"/>, a <see cref="TimeProvider"/> and the app database.</summary>
    internal static IServiceCollection AddAlertChannels(this IServiceCollection services)
    {
        services.TryAddSingleton<InboxNotifier>();
        services.AddSingleton<IAlertChannel, InAppChannel>();
        services.AddSingleton<IAlertChannel, EmailChannel>();

        // The one place where outgoing webhook requests are set up. An alert's owner chooses the URL, so the
        // destination guard refuses private, loopback and link-local addresses (SSRF). Redirects are not
        // followed: a POST must reach the address the owner gave, and a 3xx answer counts as a failure.
        services.AddDestinationGuard();
        services.AddHttpClient<WebhookChannel>(client => client.Timeout = Timeout.InfiniteTimeSpan) // Alerts:WebhookTimeout is applied per request
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var handler = provider.GetRequiredService<DestinationGuard>().CreateHandler();
                handler.AllowAutoRedirect = false;
                return handler;
            })
            .RemoveAllLoggers(); // webhook URLs can be secrets themselves (Slack's are): they stay out of the logs
        services.AddTransient<IAlertChannel>(provider => provider.GetRequiredService<WebhookChannel>());
        return services;
    }

    private sealed class ScanAfterIndexing(IBackgroundJobClient jobs) : IArticlesIndexedHandler
    {
        public Task ArticlesIndexedAsync(int count, CancellationToken cancellationToken)
        {
            jobs.Enqueue<AlertScanJob>(job => job.ScanAsync(CancellationToken.None));
            return Task.CompletedTask;
        }
    }

    private sealed class AlertJobsStarter(IRecurringJobManager recurringJobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurringJobs.AddOrUpdate<AlertScanJob>(AlertScanJob.RecurringJobId, job => job.ScanAsync(CancellationToken.None), Cron.Minutely());
            recurringJobs.AddOrUpdate<AlertDigestJob>(AlertDigestJob.RecurringJobId, job => job.AssembleAsync(CancellationToken.None), Cron.Minutely());
            recurringJobs.AddOrUpdate<AlertDeliveryJob>(AlertDeliveryJob.RecurringJobId, job => job.DeliverAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

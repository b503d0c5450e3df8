using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Web.Features.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Saved alerts: matching after each inbox run and every minute, digests, and delivery on every channel.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>()
            .BindConfiguration(AlertsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<AlertScanJob>();
        services.AddTransient<AlertDigestJob>();
        services.AddTransient<AlertDeliveryJob>();
        services.AddAlertChannels();
        services.AddSingleton<IArticlesIndexedHandler, ScanAfterIndexing>();
        services.AddHostedService<AlertJobsStarter>();
        services.AddAlertEditing();
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

    /// <summary>What the editors' pages use: changes to alerts, their preview, and the bell's inbox.</summary>
    private static void AddAlertEditing(this IServiceCollection services)
    {
        services.AddSingleton<AlertService>();
        services.AddSingleton<AlertPreviewer>();
        services.AddSingleton<NotificationInbox>();
    }

    private sealed class ScanAfterIndexing(IBackgroundJobClient jobs) : IArticlesIndexedHandler
    {
        public Task ArticlesIndexedAsync(int count, CancellationToken cancellationToken)
        {
            jobs.Enqueue<AlertScanJob>(job => job.ScanAsync(CancellationToken.None));
            return Task.CompletedTask;
        }
    }

    /// <summary>The minutely sweeps that make matching, digests and retries happen even when no trigger came.</summary>
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

using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingestion.Seeds;

/// <summary>
/// Enqueues the seed ingestion at every start. The job skips known articles, so the first start fills
/// the index with the demo data and later starts only pick up seeds added since.
/// </summary>
public sealed partial class SeedIngestionStarter(
    IBackgroundJobClient jobs,
    IOptions<IngestionOptions> options,
    ILogger<SeedIngestionStarter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IngestSeedsOnStart)
        {
            var jobId = jobs.Enqueue<SeedIngestionJob>(job => job.RunAsync(CancellationToken.None));
            LogEnqueued(logger, jobId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed ingestion enqueued as job {JobId}")]
    private static partial void LogEnqueued(ILogger logger, string jobId);
}

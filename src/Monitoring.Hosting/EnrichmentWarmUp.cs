using Monitoring.Core.Enrichment;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Hosting;

/// <summary>
/// When the worker starts with items waiting in the inbox (a restart after a crash or a kill, a backlog), builds the
/// enricher (its gazetteer, actors and topic rules: about 3 s on a busy machine) beside the rest of the start-up
/// instead of inside the first inbox run, so that the queued work resumes that much sooner. The inbox run that needs
/// the enricher waits for this construction rather than starting a second one. A start with nothing waiting leaves
/// the enricher to the first run that needs it, as before.
/// </summary>
internal sealed class EnrichmentWarmUp(IServiceProvider services, IngestionHealth ingestion) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(
            async () =>
            {
                if (await ingestion.OldestPendingAgeAsync(CancellationToken.None).ConfigureAwait(false) is not null)
                {
                    services.GetRequiredService<ArticleEnricher>();
                }
            },
            CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

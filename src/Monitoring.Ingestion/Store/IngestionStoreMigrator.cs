using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Monitoring.Ingestion.Store;

/// <summary>Brings the ingestion store to its latest migration before anything else at start-up reads it.</summary>
public sealed class IngestionStoreMigrator(IDbContextFactory<IngestionDbContext> store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

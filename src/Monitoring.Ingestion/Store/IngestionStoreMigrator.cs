using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Brings the ingestion store to its latest migration before anything else at start-up reads it; with
/// <see cref="IngestionOptions.MigrateOnStart"/> off, only checks that the migration step has done so.
/// </summary>
public sealed class IngestionStoreMigrator(IDbContextFactory<IngestionDbContext> store, IOptions<IngestionOptions> options, IEnumerable<MigrationStep> steps) : IHostedService
{
    /// <summary>The store's name in messages.</summary>
    public const string StoreName = "ingestion store";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (options.Value.MigrateOnStart)
            {
                await db.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.Database.EnsureMigratedAsync(StoreName, $"{IngestionOptions.SectionName}:{nameof(IngestionOptions.MigrateOnStart)}", steps.FirstOrDefault(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

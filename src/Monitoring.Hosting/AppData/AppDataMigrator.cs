using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitoring.Alerts.Data;
using Monitoring.Ingestion.Store;

namespace Monitoring.Hosting.AppData;

/// <summary>
/// Brings the app database to the latest migration before the app serves its first page; with
/// <see cref="AppDataOptions.MigrateOnStart"/> off, only checks that the migration step has done so.
/// </summary>
public sealed class AppDataMigrator(IDbContextFactory<AppDbContext> contexts, IOptions<AppDataOptions> options, MigrationStep step) : IHostedService
{
    /// <summary>The store's name in messages.</summary>
    public const string StoreName = "app database";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (options.Value.MigrateOnStart)
            {
                await db.Database.MigrateExclusivelyAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await db.Database.EnsureMigratedAsync(StoreName, $"{AppDataOptions.SectionName}:{nameof(AppDataOptions.MigrateOnStart)}", step, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Web.Data;

/// <summary>Brings the app database to the latest migration before the app serves its first page.</summary>
public sealed class AppDataMigrator(IDbContextFactory<AppDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateExclusivelyAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

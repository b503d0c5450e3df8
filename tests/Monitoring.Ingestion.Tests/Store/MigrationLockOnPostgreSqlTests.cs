using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;
using Npgsql;

namespace Monitoring.Ingestion.Tests.Store;

/// <summary>
/// Every way of migrating the ingestion store on PostgreSQL, the synchronous one of the command line and tests
/// included, waits for the advisory lock another node holds while it migrates.
/// </summary>
public sealed class MigrationLockOnPostgreSqlTests(PostgreSqlServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSynchronousMigrate_WaitsWhileAnotherNodeHoldsTheLock_ThenMigrates()
    {
        var database = (await postgres.CreateDatabaseAsync()).ConnectionString;
        var store = IngestionStoreFactory.PostgreSql(database);
        await using var otherNode = new NpgsqlConnection(database);
        await otherNode.OpenAsync(Cancel);
        await LockAsync(otherNode, "pg_advisory_lock");

        using var db = store.CreateDbContext();
        var migrating = Task.Run(db.Migrate, Cancel);
        await Task.WhenAny(migrating, Task.Delay(TimeSpan.FromSeconds(1.5), Cancel));

        Assert.False(migrating.IsCompleted, "Migrate ran while another node held the lock.");
        await using (var probe = store.CreateDbContext())
        {
            Assert.Empty(await probe.Database.GetAppliedMigrationsAsync(Cancel));
        }

        await LockAsync(otherNode, "pg_advisory_unlock");
        await migrating.WaitAsync(TimeSpan.FromSeconds(60), Cancel);

        await using var after = store.CreateDbContext();
        Assert.Equal(after.Database.GetMigrations(), await after.Database.GetAppliedMigrationsAsync(Cancel));
    }

    private static async Task LockAsync(NpgsqlConnection connection, string function)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", MigrationLock.Key);
        await command.ExecuteScalarAsync(Cancel);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitoring.Alerts.Data;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;
using Monitoring.Web.Features.Annotations;

namespace Monitoring.Web.Tests.Data;

/// <summary>
/// The migrations every node applies at start (<see cref="AppDataMigrator"/>, <see cref="IngestionStoreMigrator"/>),
/// on one PostgreSQL database for the app database and the ingestion store, as deploy/compose.yaml configures them:
/// an empty database gets every migration, a restart changes nothing, and nodes starting together apply each once.
/// </summary>
public sealed class StartUpMigrationsOnPostgreSqlTests(PostgreSqlServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEmptyDatabase_GetsEveryMigrationOfBothStores_AndASecondStartChangesNothing()
    {
        var database = (await postgres.CreateDatabaseAsync()).ConnectionString;

        await StartNodeAsync(database);

        var (app, store) = Stores(database);
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
            Assert.Equal(3, await db.EventAnnotations.CountAsync(Cancel)); // the demo events of the first migration
            db.EventAnnotations.Add(new EventAnnotation { Date = new DateOnly(2008, 3, 17), Label = "Unrest in Mitrovica" });
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = store.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        }

        var history = await HistoryAsync(app);
        var tables = await TablesAsync(app);
        Assert.Equal(ExpectedHistory(app, store), history);
        Assert.Contains("EventAnnotations", tables);
        Assert.Contains("InboxItems", tables);

        await StartNodeAsync(database); // a restart, or the next node

        Assert.Equal(history, await HistoryAsync(app));
        Assert.Equal(tables, await TablesAsync(app));
        await using var after = app.CreateDbContext();
        Assert.Equal(
            ["Montenegro declares independence", "Kosovo declares independence", "Unrest in Mitrovica", "Brussels Agreement (Serbia–Kosovo)"],
            await after.EventAnnotations.OrderBy(annotation => annotation.Date).Select(annotation => annotation.Label).ToListAsync(Cancel));
    }

    [Fact]
    public async Task NodesStartingTogether_OnAnEmptyDatabase_AllStart_AndApplyEachMigrationOnce()
    {
        var database = (await postgres.CreateDatabaseAsync()).ConnectionString;

        // deploy/compose.yaml starts its four app nodes together once PostgreSQL is healthy.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StartNodeAsync(database), Cancel)));

        var (app, store) = Stores(database);
        Assert.Equal(ExpectedHistory(app, store), await HistoryAsync(app));
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.EventAnnotations.CountAsync(Cancel)); // inserted once, not once per node
    }

    [Fact]
    public async Task ANodeThatDoesNotMigrate_RefusesAnEmptyDatabase_AndStartsOnceTheMigrateCommandRan()
    {
        var database = (await postgres.CreateDatabaseAsync()).ConnectionString;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartNodeAsync(database, migrate: false));

        Assert.StartsWith("The app database is behind this version of the app", refused.Message, StringComparison.Ordinal);
        var (app, store) = Stores(database);
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync(Cancel)); // the node changed nothing
        }

        var migrated = await MigrateCommandTests.RunAsync(
        [
            "--AppData:Provider", "PostgreSql", "--AppData:PostgreSqlConnectionString", database,
            "--Ingestion:StoreProvider", "PostgreSql", "--Ingestion:StorePostgreSqlConnectionString", database,
        ]);
        Assert.Equal(0, migrated.ExitCode);

        await StartNodeAsync(database, migrate: false);
        Assert.Equal(ExpectedHistory(app, store), await HistoryAsync(app));
    }

    /// <summary>What a node does first at start: both migrators, in the order the app registers them.</summary>
    private static async Task StartNodeAsync(string database, bool migrate = true)
    {
        var (app, store) = Stores(database);
        await new AppDataMigrator(app, Options.Create(new AppDataOptions { MigrateOnStart = migrate }), MigrateCommand.Step).StartAsync(Cancel);
        await new IngestionStoreMigrator(store, Options.Create(new IngestionOptions { MigrateOnStart = migrate }), [MigrateCommand.Step]).StartAsync(Cancel);
    }

    private static (AppDbContextFactory App, IngestionStoreFactory Store) Stores(string database) =>
        (AppDbContextFactory.PostgreSql(database), IngestionStoreFactory.PostgreSql(database));

    /// <summary>Every migration of both stores, each once, in id order.</summary>
    private static List<string> ExpectedHistory(AppDbContextFactory app, IngestionStoreFactory store)
    {
        using var appDb = app.CreateDbContext();
        using var storeDb = store.CreateDbContext();
        var expected = appDb.Database.GetMigrations().Concat(storeDb.Database.GetMigrations()).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 3, $"Both stores have migrations ({string.Join(", ", expected)}).");
        return expected;
    }

    /// <summary>The rows of EF Core's history table, which both stores share in one database, duplicates kept.</summary>
    private static async Task<List<string>> HistoryAsync(AppDbContextFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" COLLATE "C" """)
            .ToListAsync(Cancel);
    }

    private static async Task<List<string>> TablesAsync(AppDbContextFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("""SELECT table_name::text AS "Value" FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1""")
            .ToListAsync(Cancel);
    }
}

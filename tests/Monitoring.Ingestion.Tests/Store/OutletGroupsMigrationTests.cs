using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Store;

/// <summary>
/// The migration that gives sources their outlet data (languages, kind, groups, an optional feed address), on a store
/// that has sources from before it: on SQLite and on PostgreSQL every source is kept as it was, with no outlet data yet.
/// </summary>
public sealed class OutletGroupsMigrationTests(PostgreSqlServer postgres) : IDisposable
{
    private const string Migration = "OutletGroups";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-outlets-migration-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSqlite_ASourceFromBefore_IsKept_WithNoOutletData_AndCanJoinAGroup()
    {
        var store = IngestionStoreFactory.Sqlite(Path.Combine(_folder, "ingestion.db"));
        await AssertSourcesSurviveAsync(store);
    }

    [Fact]
    public async Task OnPostgreSql_ASourceFromBefore_IsKept_WithNoOutletData_AndCanJoinAGroup()
    {
        var store = IngestionStoreFactory.PostgreSql((await postgres.CreateDatabaseAsync()).ConnectionString);
        await AssertSourcesSurviveAsync(store);
    }

    [Fact]
    public void TheModel_HasAMigrationForEveryChange_OnBothProviders()
    {
        using var sqlite = IngestionStoreFactory.Sqlite(Path.Combine(_folder, "model.db")).CreateDbContext();
        using var postgreSql = IngestionStoreFactory.PostgreSql("Host=localhost;Database=monitoring_model_check").CreateDbContext();

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgreSql.Database.HasPendingModelChanges());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task AssertSourcesSurviveAsync(IDbContextFactory<IngestionDbContext> store)
    {
        await using (var before = store.CreateDbContext())
        {
            var migrations = before.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(name => name.EndsWith("_" + Migration, StringComparison.Ordinal)) - 1];
            await before.GetService<IMigrator>().MigrateAsync(previous, Cancel);
            await before.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "FeedSources" ("Name", "Url", "Language", "Country", "PollInterval", "Enabled", "AddedAt", "ConsecutiveFailures", "LastNewItems", "ItemsPerDay")
                VALUES ('RTS', 'https://www.rts.rs/rss/ci.xml', 'sr', 'RS', {0}, {1}, {2}, 0, 0, 0)
                """,
                [TimeSpan.FromMinutes(10), true, DateTimeOffset.UnixEpoch],
                Cancel);
        }

        await using var db = store.CreateDbContext();
        await db.MigrateAsync(Cancel);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        var source = Assert.Single(await db.FeedSources.AsNoTracking().ToListAsync(Cancel));
        Assert.Equal(("RTS", "https://www.rts.rs/rss/ci.xml", "sr", "RS", TimeSpan.FromMinutes(10)), (source.Name, source.Url, source.Language, source.Country, source.PollInterval));
        Assert.Empty(source.Languages);
        Assert.Null(source.Kind);

        var group = new OutletGroup { Name = "Serbia — national", CreatedAt = DateTimeOffset.UnixEpoch };
        db.OutletGroups.Add(group);
        await db.SaveChangesAsync(Cancel);
        db.OutletGroupMembers.Add(new OutletGroupMember { GroupId = group.Id, SourceId = source.Id });
        db.FeedSources.Add(new Monitoring.Ingestion.Sources.FeedSource { Name = "Wikipedia Current events", Kind = OutletKind.Portal, Languages = ["en"] });
        await db.SaveChangesAsync(Cancel);

        var outlets = await OutletDirectory.LoadAsync(db, Cancel);
        var rts = outlets.For("rts")!;
        Assert.Equal(("RS", (OutletKind?)null), (rts.Country, rts.Kind));
        Assert.Equal([group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], rts.Groups);
        Assert.Equal(OutletKind.Portal, outlets.For("Wikipedia Current events")!.Kind);
        Assert.Null(outlets.For("Unknown outlet"));
    }
}

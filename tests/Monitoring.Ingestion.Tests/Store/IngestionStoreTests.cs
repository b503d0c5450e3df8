using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Tests.Store;

/// <summary>
/// The SQLite store's migrations, and stores written before there were any: those versions made the schema with
/// EF's EnsureCreated (what <see cref="CreateAsTheOldVersionsDid"/> does) and added the tables of newer versions.
/// </summary>
public sealed class IngestionStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-store-").FullName;

    [Fact]
    public void EveryMigration_MakesTheSchemaOfTheModel()
    {
        var created = Path.Combine(_folder, "created.db");
        var migrated = Path.Combine(_folder, "migrated.db");
        using (var db = IngestionStoreFactory.Sqlite(created).CreateDbContext())
        {
            Assert.True(db.Database.EnsureCreated());
        }

        using (IngestionStore.Open(migrated))
        {
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(Tables(created), Tables(migrated));
    }

    [Fact]
    public void TheStoryBands_BecomeAClusteredTable_KeepingTheirRows()
    {
        var path = Path.Combine(_folder, "ingestion.db");
        using (var db = IngestionStoreFactory.Sqlite(path).CreateDbContext())
        {
            db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().First());
        }

        Execute(path, """INSERT INTO "StoryBands" ("BandKey", "ArticleId") VALUES (-5, '0123456789abcdef'), (7, '0123456789abcdef'), (-5, 'fedcba9876543210');""");
        Assert.DoesNotContain("WITHOUT ROWID", TableSql(path, "StoryBands"), StringComparison.OrdinalIgnoreCase);
        SqliteConnection.ClearAllPools();

        using (var db = IngestionStore.Open(path))
        {
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.Equal(
                [(-5L, "0123456789abcdef"), (-5L, "fedcba9876543210"), (7L, "0123456789abcdef")],
                db.StoryBands.AsEnumerable().Select(band => (band.BandKey, band.ArticleId)).Order());
        }

        Assert.Contains("WITHOUT ROWID", TableSql(path, "StoryBands"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Open_BaselinesAStoreWithoutMigrations_AddingTheTablesItLacks_KeepingItsRows()
    {
        var path = Path.Combine(_folder, "ingestion.db");
        CreateAsTheOldVersionsDid(path);
        Execute(path, """
            DROP TABLE "StoryBands"; DROP TABLE "StoryMembers"; DROP TABLE "FeedItemRecords"; DROP TABLE "FeedSources";
            INSERT INTO "InboxItems" ("Channel", "Payload", "ReceivedAt", "State") VALUES ('api', x'7b7d', '2026-01-01 00:00:00+00:00', 'Pending');
            INSERT INTO "KnownArticles" ("Id", "ContentKey", "Source", "InboxItemId", "IndexedAt") VALUES ('0123456789abcdef', 'k', 'RFE/RL', 1, '2026-01-01 00:00:00+00:00');
            """);

        using (var db = IngestionStore.Open(path))
        {
            Assert.Equal("api", Assert.Single(db.InboxItems).Channel);
            Assert.Equal("0123456789abcdef", Assert.Single(db.KnownArticles).Id);
            Assert.Equal(0, db.StoryMembers.Count());
            Assert.Equal(0, db.FeedSources.Count());
            Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        }

        SqliteConnection.ClearAllPools();
        using var reopened = IngestionStore.Open(path);
        Assert.Equal("api", Assert.Single(reopened.InboxItems).Channel);
        Assert.Equal(reopened.Database.GetMigrations(), reopened.Database.GetAppliedMigrations()); // each recorded once, not again on the second open
    }

    [Fact]
    public void Open_ANewStore_AppliesEveryMigration()
    {
        using var db = IngestionStore.Open(Path.Combine(_folder, "new.db"));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(0, db.InboxItems.Count());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // The old versions made the model of their day with EnsureCreated: the initial migration's schema (the first test
    // showed it while the model was that of the initial migration), without a history table.
    private static void CreateAsTheOldVersionsDid(string path)
    {
        using (var db = IngestionStoreFactory.Sqlite(path).CreateDbContext())
        {
            db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().First());
        }

        Execute(path, "DROP TABLE \"__EFMigrationsHistory\";");
        SqliteConnection.ClearAllPools();
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string TableSql(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Every table with its columns (name, type, not null, key) and every index with its columns, but EF's own; columns
    /// by name, since a migration appends the columns it adds where a new store has them in the model's order.
    /// </summary>
    private static List<string> Tables(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'table ' || m.name || ': ' || (SELECT group_concat(d, ', ') FROM (
                SELECT c.name || ' ' || c."type" || ' ' || c."notnull" || ' ' || c.pk AS d FROM pragma_table_info(m.name) c ORDER BY c.name))
            FROM sqlite_master m
            WHERE m.type = 'table' AND m.name NOT LIKE '__EF%' AND m.name NOT LIKE 'sqlite_%'
            UNION ALL
            SELECT 'index ' || m.name || ': ' || group_concat(i.name, ', ')
            FROM sqlite_master m JOIN pragma_index_info(m.name) i
            WHERE m.type = 'index' AND m.name NOT LIKE 'sqlite_%' GROUP BY m.name
            ORDER BY 1
            """;
        using var reader = command.ExecuteReader();
        var definitions = new List<string>();
        while (reader.Read())
        {
            definitions.Add(reader.GetString(0));
        }

        Assert.NotEmpty(definitions);
        return definitions;
    }
}

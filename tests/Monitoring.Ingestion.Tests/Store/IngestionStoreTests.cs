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
    public void TheInitialMigration_MakesTheSchemaTheOldVersionsMade()
    {
        var old = Path.Combine(_folder, "old.db");
        var migrated = Path.Combine(_folder, "migrated.db");
        CreateAsTheOldVersionsDid(old);
        using (var db = IngestionStoreFactory.Sqlite(migrated).CreateDbContext())
        {
            db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().First());
        }

        Assert.Equal(Schema(old), Schema(migrated));
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

    private static void CreateAsTheOldVersionsDid(string path)
    {
        using (var db = IngestionStoreFactory.Sqlite(path).CreateDbContext())
        {
            Assert.True(db.Database.EnsureCreated());
        }

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

    /// <summary>Every table and index of the file as SQLite keeps its definition, but EF's own tables.</summary>
    private static List<string> Schema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE '__EF%' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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

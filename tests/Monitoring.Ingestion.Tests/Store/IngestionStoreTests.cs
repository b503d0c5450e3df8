using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Tests.Store;

public sealed class IngestionStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-store-").FullName;

    [Fact]
    public void Open_AddsTheTablesAStoreOfAnEarlierVersionLacks_KeepingItsRows()
    {
        var path = Path.Combine(_folder, "ingestion.db");
        using (var db = IngestionStore.Open(path))
        {
            db.Database.ExecuteSqlRaw("""DROP TABLE "StoryBands"; DROP TABLE "StoryMembers";""");
            db.Database.ExecuteSqlRaw("""INSERT INTO "InboxItems" ("Channel", "Payload", "ReceivedAt", "State") VALUES ('api', x'7b7d', '2026-01-01 00:00:00+00:00', 'Pending')""");
        }

        SqliteConnection.ClearAllPools();
        using var reopened = IngestionStore.Open(path);

        Assert.Equal(0, reopened.StoryMembers.Count());
        Assert.Equal(0, reopened.StoryBands.Count());
        Assert.Equal("api", Assert.Single(reopened.InboxItems).Channel);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

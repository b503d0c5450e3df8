using System.Net;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Web.Tests.Data;

/// <summary>
/// AppData:MigrateOnStart and Ingestion:MigrateOnStart: off, a node never changes the schema and refuses to start on
/// one that is behind it, naming the missing migrations and the step that applies them; on (the default), it migrates.
/// A start that must fail runs the built app as a process, as an orchestrator would see it (exit code and output).
/// </summary>
public sealed class MigrateOnStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-migrate-on-start-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string AppDatabase => Path.Combine(_folder, "app.db");

    private string IngestionStorePath => Path.Combine(_folder, "ingestion.db");

    [Fact]
    public async Task Off_OnAnAppDatabaseOneMigrationBehind_StopsTheStart_NamingThatMigration_AndTheCommand()
    {
        var declared = MigrateCommandTests.Declared(AppDbContextFactory.Sqlite(AppDatabase).CreateDbContext());
        await using (var db = AppDbContextFactory.Sqlite(AppDatabase).CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(declared[^2], Cancel);
        }

        var start = await StartAsync("--AppData:MigrateOnStart", "false");

        Assert.NotEqual(0, start.ExitCode);
        Assert.Contains($"The app database is behind this version of the app: 1 migration is not applied ({declared[^1]}).", start.Errors, StringComparison.Ordinal);
        Assert.Contains("AppData:MigrateOnStart is false", start.Errors, StringComparison.Ordinal);
        Assert.Contains("dotnet Monitoring.Web.dll migrate", start.Errors, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Monitoring.Web -- migrate", start.Errors, StringComparison.Ordinal);
        // The node applied nothing.
        Assert.Equal(declared[..^1], await MigrateCommandTests.HistoryAsync(AppDbContextFactory.Sqlite(AppDatabase).CreateDbContext()));
    }

    [Fact]
    public async Task Off_OnAnEmptyIngestionStore_StopsTheStart_NamingEveryMigration()
    {
        var declared = MigrateCommandTests.Declared(IngestionStoreFactory.Sqlite(IngestionStorePath).CreateDbContext());

        var start = await StartAsync("--Ingestion:MigrateOnStart", "false");

        Assert.NotEqual(0, start.ExitCode);
        Assert.Contains(
            $"The ingestion store is behind this version of the app: {declared.Count} migration{(declared.Count == 1 ? " is" : "s are")} not applied ({string.Join(", ", declared)}).",
            start.Errors,
            StringComparison.Ordinal);
        Assert.Contains("Ingestion:MigrateOnStart is false", start.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AppData:MigrateOnStart")]
    [InlineData("Ingestion:MigrateOnStart")]
    public async Task AValueThatIsNotTrueOrFalse_StopsTheStart_NamingTheSetting(string setting)
    {
        var start = await StartAsync($"--{setting}", "sometimes");

        Assert.NotEqual(0, start.ExitCode);
        Assert.Contains($"'sometimes' at '{setting}'", start.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_AfterTheMigrateCommand_TheNodeStarts_AndServes()
    {
        await using var app = new TestApp(new Dictionary<string, string>
        {
            ["AppData:MigrateOnStart"] = "false",
            ["Ingestion:MigrateOnStart"] = "false",
        });
        var migrated = await MigrateCommandTests.RunAsync(["--AppData:SqlitePath", app.AppDatabasePath, "--Ingestion:StorePath", app.IngestionStorePath]);
        Assert.Equal(0, migrated.ExitCode);

        using var client = app.CreateClient();
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task On_MigratesBothStoresAtStart_AsBefore()
    {
        await using var app = new TestApp(new Dictionary<string, string>
        {
            ["AppData:MigrateOnStart"] = "true",
            ["Ingestion:MigrateOnStart"] = "true",
        });

        using var client = app.CreateClient();

        var appDb = AppDbContextFactory.Sqlite(app.AppDatabasePath);
        var store = IngestionStoreFactory.Sqlite(app.IngestionStorePath);
        Assert.Equal(MigrateCommandTests.Declared(appDb.CreateDbContext()), await MigrateCommandTests.HistoryAsync(appDb.CreateDbContext()));
        Assert.Equal(MigrateCommandTests.Declared(store.CreateDbContext()), await MigrateCommandTests.HistoryAsync(store.CreateDbContext()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The app on this test's folder, a free port and in-memory jobs, with <paramref name="settings"/> added.</summary>
    private Task<MigrateCommandTests.Run> StartAsync(params string[] settings) => MigrateCommandTests.RunWebHostAsync(
    [
        "--Urls", "http://127.0.0.1:0",
        "--AppData:SqlitePath", AppDatabase,
        "--Ingestion:StorePath", IngestionStorePath,
        "--Ingestion:SeedsPath", RepositoryPaths.Seeds,
        "--Ingestion:IngestSeedsOnStart", "false",
        "--Ingestion:DropFolder", "",
        "--Search:Lucene:IndexPath", Path.Combine(_folder, "index"),
        "--Jobs:Storage", "InMemory",
        .. settings,
    ]);
}

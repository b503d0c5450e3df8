using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitoring.Ingestion.Store;
using Monitoring.Web.Data;

namespace Monitoring.Web.Tests.Data;

/// <summary>
/// AppData:MigrateOnStart and Ingestion:MigrateOnStart: off, a node never changes the schema and refuses to start on
/// one that is behind it, naming the missing migrations and the step that applies them; on (the default), it migrates.
/// </summary>
public sealed class MigrateOnStartTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Off_OnAnAppDatabaseOneMigrationBehind_StopsTheStart_NamingThatMigration_AndTheCommand()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["AppData:MigrateOnStart"] = "false" });
        var declared = MigrateCommandTests.Declared(AppDbContextFactory.Sqlite(app.AppDatabasePath).CreateDbContext());
        await using (var db = AppDbContextFactory.Sqlite(app.AppDatabasePath).CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(declared[^2], Cancel);
        }

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = BehindMessage(failure);
        Assert.StartsWith($"The app database is behind this version of the app: 1 migration is not applied ({declared[^1]}).", message, StringComparison.Ordinal);
        Assert.Contains("AppData:MigrateOnStart is false", message, StringComparison.Ordinal);
        Assert.Contains("dotnet Monitoring.Web.dll migrate", message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Monitoring.Web -- migrate", message, StringComparison.Ordinal);
        // Nothing was applied by the node.
        Assert.Equal(declared[..^1], await MigrateCommandTests.HistoryAsync(AppDbContextFactory.Sqlite(app.AppDatabasePath).CreateDbContext()));
    }

    [Fact]
    public async Task Off_OnAnEmptyIngestionStore_StopsTheStart_NamingEveryMigration()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["Ingestion:MigrateOnStart"] = "false" });
        var declared = MigrateCommandTests.Declared(IngestionStoreFactory.Sqlite(app.IngestionStorePath).CreateDbContext());

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = BehindMessage(failure);
        Assert.StartsWith($"The ingestion store is behind this version of the app: {declared.Count} migration", message, StringComparison.Ordinal);
        Assert.Contains($"({string.Join(", ", declared)})", message, StringComparison.Ordinal);
        Assert.Contains("Ingestion:MigrateOnStart is false", message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("AppData:MigrateOnStart")]
    [InlineData("Ingestion:MigrateOnStart")]
    public async Task AValueThatIsNotTrueOrFalse_StopsTheStart_NamingTheSetting(string setting)
    {
        await using var app = new TestApp(new Dictionary<string, string> { [setting] = "sometimes" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains($"'sometimes' at '{setting}'", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The message of the one exception in <paramref name="failure"/>'s chain that says a store is behind.</summary>
    private static string BehindMessage(Exception failure) =>
        Assert.Single(Chain(failure), problem => problem is InvalidOperationException && problem.Message.Contains(" is behind this version", StringComparison.Ordinal)).Message;

    private static IEnumerable<Exception> Chain(Exception failure) =>
        failure is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Chain)
            : failure.InnerException is { } inner ? [failure, .. Chain(inner)] : [failure];
}

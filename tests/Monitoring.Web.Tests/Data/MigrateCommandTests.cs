using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Web.Tests.Data;

/// <summary>
/// <c>migrate</c>, the migration step of a multi-node deploy: both stores to the latest migration, on SQLite and on
/// PostgreSQL, idempotent, with the exit codes it documents. Expected histories are the migrations the assemblies
/// declare, read from EF Core, not counts copied from the command's output.
/// </summary>
public sealed class MigrateCommandTests(PostgreSqlServer postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-migrate-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string AppDatabase => Path.Combine(_folder, "app.db");

    private string IngestionStorePath => Path.Combine(_folder, "ingestion.db");

    private string[] OnSqlite => ["--AppData:SqlitePath", AppDatabase, "--Ingestion:StorePath", IngestionStorePath];

    [Fact]
    public async Task OnAnEmptyFolder_CreatesBothSqliteStores_AndASecondRunSaysUpToDate()
    {
        var first = await RunAsync(OnSqlite);

        Assert.Equal(0, first.ExitCode);
        var app = AppDbContextFactory.Sqlite(AppDatabase);
        var store = IngestionStoreFactory.Sqlite(IngestionStorePath);
        var appMigrations = Declared(app.CreateDbContext());
        var storeMigrations = Declared(store.CreateDbContext());
        Assert.Equal(appMigrations, await HistoryAsync(app.CreateDbContext()));
        Assert.Equal(storeMigrations, await HistoryAsync(store.CreateDbContext()));
        Assert.Equal(
            [
                $"app database (Sqlite {AppDatabase}): {MigrateCommand.Describe(appMigrations, appMigrations.Count)}",
                $"ingestion store (Sqlite {IngestionStorePath}): {MigrateCommand.Describe(storeMigrations, storeMigrations.Count)}",
            ],
            Lines(first.Output));
        Assert.All(appMigrations.Concat(storeMigrations), migration => Assert.Contains(migration, first.Output, StringComparison.Ordinal));

        var second = await RunAsync(OnSqlite);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(
            [
                $"app database (Sqlite {AppDatabase}): up to date ({appMigrations.Count} migration{(appMigrations.Count == 1 ? "" : "s")})",
                $"ingestion store (Sqlite {IngestionStorePath}): up to date ({storeMigrations.Count} migration{(storeMigrations.Count == 1 ? "" : "s")})",
            ],
            Lines(second.Output));
        Assert.Equal(appMigrations, await HistoryAsync(app.CreateDbContext()));
        Assert.Equal(storeMigrations, await HistoryAsync(store.CreateDbContext()));
    }

    [Fact]
    public async Task OnAnEmptyPostgreSqlDatabase_CreatesBothSchemas_AndASecondRunSaysUpToDate()
    {
        var database = await postgres.CreateDatabaseAsync();
        string[] settings =
        [
            "--AppData:Provider", "PostgreSql", "--AppData:PostgreSqlConnectionString", database.ConnectionString,
            "--Ingestion:StoreProvider", "PostgreSql", "--Ingestion:StorePostgreSqlConnectionString", database.ConnectionString,
        ];

        var first = await RunAsync(settings);

        Assert.Equal(0, first.ExitCode);
        var app = AppDbContextFactory.PostgreSql(database.ConnectionString);
        var store = IngestionStoreFactory.PostgreSql(database.ConnectionString);
        var appMigrations = Declared(app.CreateDbContext());
        var storeMigrations = Declared(store.CreateDbContext());
        // Both stores share EF Core's history table in the one database: each migration once.
        Assert.Equal(appMigrations.Concat(storeMigrations).Order(StringComparer.Ordinal), await HistoryAsync(app.CreateDbContext()));
        var lines = Lines(first.Output);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("app database (PostgreSql tcp://127.0.0.1:", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(MigrateCommand.Describe(appMigrations, appMigrations.Count), lines[0], StringComparison.Ordinal);
        Assert.EndsWith(MigrateCommand.Describe(storeMigrations, storeMigrations.Count), lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Password", first.Output, StringComparison.OrdinalIgnoreCase);

        var second = await RunAsync(settings);

        Assert.Equal(0, second.ExitCode);
        Assert.All(Lines(second.Output), line => Assert.Contains(": up to date (", line, StringComparison.Ordinal));
        Assert.Equal(appMigrations.Concat(storeMigrations).Order(StringComparer.Ordinal), await HistoryAsync(app.CreateDbContext()));
    }

    [Fact]
    public async Task ADatabaseBehindByOneMigration_GetsThatOneOnly()
    {
        var app = AppDbContextFactory.Sqlite(AppDatabase);
        var appMigrations = Declared(app.CreateDbContext());
        await using (var db = app.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(appMigrations[^2], Cancel);
        }

        var run = await RunAsync(OnSqlite);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"app database (Sqlite {AppDatabase}): 1 migration applied ({appMigrations[^1]})", Lines(run.Output)[0]);
        Assert.Equal(appMigrations, await HistoryAsync(app.CreateDbContext()));
    }

    [Theory]
    [InlineData("unexpected argument 'now'", "now")]
    [InlineData("unexpected argument '--verbose'", "--verbose")]
    [InlineData("--AppData:SqlitePath needs a value", "--AppData:SqlitePath")]
    [InlineData("--AppData:SqlitePath needs a value", "--AppData:SqlitePath", "--Ingestion:StorePath", "x.db")]
    [InlineData("Failed to convert configuration value 'Oracle' at 'AppData:Provider'", "--AppData:Provider", "Oracle")]
    [InlineData("AppData:PostgreSqlConnectionString is required when AppData:Provider is PostgreSql", "--AppData:Provider", "PostgreSql")]
    [InlineData("Ingestion:StorePostgreSqlConnectionString is required when Ingestion:StoreProvider is PostgreSql", "--Ingestion:StoreProvider", "PostgreSql")]
    public async Task BadArgumentsOrSettings_ExitWith2_SayingWhy_AndTouchNothing(string message, params string[] args)
    {
        var run = await RunAsync([.. OnSqlite, .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists(AppDatabase));
    }

    [Fact]
    public async Task AnUnreachableServer_ExitsWith1_WithAMessage_AndNoStackTrace()
    {
        var run = await RunAsync(["--AppData:Provider", "PostgreSql", "--AppData:PostgreSqlConnectionString", "Host=127.0.0.1;Port=1;Database=none;Username=u;Password=secret-value"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("migrate: app database (PostgreSql tcp://127.0.0.1:1/none): ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Failed to connect to 127.0.0.1:1", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebHost_RunsTheCommand_AndExitsWithoutServing()
    {
        var first = await RunWebHostAsync([MigrateCommand.Name, .. OnSqlite]);
        var bad = await RunWebHostAsync([MigrateCommand.Name, "--surprise"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, Lines(first.Output).Count);
        Assert.Equal(Declared(AppDbContextFactory.Sqlite(AppDatabase).CreateDbContext()), await HistoryAsync(AppDbContextFactory.Sqlite(AppDatabase).CreateDbContext()));
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("migrate: unexpected argument '--surprise'", bad.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Errors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    internal static async Task<Run> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await MigrateCommand.RunAsync(args, output, errors);
        return new(exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>
    /// The built web host as its own process, to its end: what an operator or an orchestrator sees (exit code and
    /// both outputs). One that is still running after a minute is killed and fails the test: it was serving.
    /// </summary>
    internal static async Task<Run> RunWebHostAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.BuiltProgram("Monitoring.Web", "Monitoring.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        try
        {
            await process.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromMinutes(1), Cancel);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The web host was still running after a minute:\n{await output}\n{await errors}");
        }

        return new(process.ExitCode, await output, await errors);
    }

    internal static List<string> Declared(DbContext db)
    {
        using (db)
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.NotEmpty(migrations);
            return migrations;
        }
    }

    /// <summary>The rows of EF Core's history table, duplicates kept, in id order.</summary>
    internal static async Task<List<string>> HistoryAsync(DbContext db)
    {
        await using (db)
        {
            var rows = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync(Cancel);
            return rows.Order(StringComparer.Ordinal).ToList();
        }
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    internal sealed record Run(int ExitCode, string Output, string Errors);
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary>
/// <c>monitoring import</c> as a separate process while another process (here: this one, with the app's own
/// ingestion and search services on the same data folder) holds the index: the import must not write the index,
/// only record the items for the owner, and the owner must go on indexing.
/// </summary>
public sealed class ImportWhileAppRunsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-import-owner-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAgainstAnIndexHeldByTheApp_OnlyRecordsTheItems_AndTheAppIndexesThemAfterwards()
    {
        var data = Path.Combine(_folder, "data");
        var items = File.ReadLines(Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl"))
            .Where(line => line.Length > 0)
            .Take(20)
            .ToList();
        var file = Path.Combine(_folder, "batch.jsonl");
        await File.WriteAllLinesAsync(file, items, Cancel);

        using var app = ImportCommand.Compose(["--data", data, "--seeds", RepositoryPaths.Seeds]);
        var index = app.Services.GetRequiredService<IArticleIndex>();
        var search = app.Services.GetRequiredService<IArticleSearch>();

        var import = await CliProcess.RunAsync("import", file, "--data", data, "--seeds", RepositoryPaths.Seeds);

        Assert.True(import.ExitCode == 0, import.Errors);
        Assert.Contains("the index is in use", import.Errors, StringComparison.Ordinal);
        Assert.Contains("new: 0", import.Output, StringComparison.Ordinal);
        Assert.Contains($"recorded for the running app to index: {items.Count}", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, await search.CountAsync(Cancel));

        // The owner's writer was left alone: its next inbox run indexes what the import recorded, and commits.
        var run = await app.Services.GetRequiredService<InboxProcessingJob>().ProcessAsync(0, long.MaxValue, Cancel);

        Assert.Equal(items.Count, run.Read);
        Assert.True(run.Indexed > 0, "nothing indexed");
        Assert.Equal(run.Indexed, await search.CountAsync(Cancel));
        Assert.Equal(run.Indexed, (await search.SearchAsync(new ArticleQuery { Take = 0 }, Cancel)).Total);
        Assert.NotNull(index);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

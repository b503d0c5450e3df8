using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary>
/// The real <c>monitoring import</c> as a separate process, killed in the middle of a batch and started
/// again, against the same import run without interruption.
/// </summary>
public sealed class ImportKillTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-kill-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportKilledMidBatch_AndStartedAgain_LosesNothing_AndIndexesNothingTwice()
    {
        var reuters = Path.Combine(RepositoryPaths.Corpora, "reuters21578");
        if (!Directory.Exists(reuters))
        {
            Assert.Skip($"Reuters-21578 not found in {reuters} (set MONITORING_CORPORA).");
        }

        string[] files = [Path.Combine(reuters, "reut2-000.sgm")];
        var killed = Path.Combine(_folder, "killed");
        var whole = Path.Combine(_folder, "whole");

        // Small batches, so the kill lands after some batches were committed and before the last.
        using (var first = Start(files, killed))
        {
            var indexedAtKill = await WaitForIndexedAsync(Path.Combine(killed, "ingestion.db"), atLeast: 100, first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Cancel);
            Assert.InRange(indexedAtKill, 100, 800);
        }

        SqliteConnection.ClearAllPools();
        var rerun = await RunToEndAsync(files, killed);
        var uninterrupted = await RunToEndAsync(files, whole);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(0, uninterrupted.ExitCode);

        var afterKill = await ReadOutcomeAsync(killed);
        var reference = await ReadOutcomeAsync(whole);

        // Nothing lost: the same articles as the uninterrupted import, every one in the index.
        Assert.Equal(reference.KnownIds, afterKill.KnownIds);
        Assert.Equal(afterKill.KnownIds.Count, afterKill.FoundInIndex);
        Assert.True(reference.KnownIds.Count > 850, $"only {reference.KnownIds.Count} articles from 1,000 stories");

        // Nothing twice: one document per article, and no article became new from two items.
        Assert.Equal(afterKill.KnownIds.Count, afterKill.IndexCount);
        Assert.Equal(afterKill.KnownIds.Count, afterKill.IndexedItems);
        Assert.Equal(0, afterKill.PendingItems);
        Assert.Equal(reference.IndexCount, afterKill.IndexCount);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<Outcome> ReadOutcomeAsync(string data)
    {
        SqliteConnection.ClearAllPools();
        using var db = IngestionStore.Open(Path.Combine(data, "ingestion.db"));
        var known = (await db.KnownArticles.Select(article => article.Id).ToListAsync(Cancel)).ToHashSet(StringComparer.Ordinal);
        var indexedItems = await db.InboxItems.CountAsync(item => item.State == InboxItemState.Indexed, Cancel);
        var pending = await db.InboxItems.CountAsync(item => item.State == InboxItemState.Pending, Cancel);
        using var index = new LuceneArticleIndex(Path.Combine(data, "index"));
        var found = await index.FindExistingAsync(known.Select(ArticleId.Parse).ToList(), Cancel);
        return new Outcome(known.Order(StringComparer.Ordinal).ToList(), found.Count, await index.CountAsync(Cancel), indexedItems, pending);
    }

    private static async Task<int> WaitForIndexedAsync(string store, int atLeast, Process process)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(store))
            {
                try
                {
                    await using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
                    await connection.OpenAsync(Cancel);
                    await using var command = connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM \"KnownArticles\"";
                    var count = Convert.ToInt32(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
                    if (count >= atLeast)
                    {
                        return count;
                    }
                }
                catch (SqliteException)
                {
                    // Tables not created yet.
                }
            }

            await Task.Delay(50, Cancel);
        }

        throw new InvalidOperationException($"The import exited or timed out before indexing {atLeast} articles.");
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string[] files, string data)
    {
        using var process = Start(files, data);
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output);
    }

    private static Process Start(string[] files, string data)
    {
        var start = CliProcess.StartInfo(
            new[] { "import" }.Concat(files).Concat(["--data", data, "--seeds", RepositoryPaths.Seeds, "--Ingestion:BatchSize", "50"]),
            redirectErrors: false);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start monitoring import.");
    }

    private sealed record Outcome(List<string> KnownIds, int FoundInIndex, long IndexCount, int IndexedItems, int PendingItems);
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Ingestion.DropFolder;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Tests.Inbox;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.DropFolder;

/// <summary>The drop folder on a real temporary folder, a real inbox and a real Lucene index.</summary>
public sealed class DropFolderSweepJobTests : IDisposable
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    private readonly InboxHarness _harness = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-drop-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Processed => Path.Combine(_folder, DropFolderSweepJob.ProcessedFolder);

    private string Rejected => Path.Combine(_folder, DropFolderSweepJob.RejectedFolder);

    [Fact]
    public async Task EachFormat_IsRecordedInTheInbox_AndMovedToProcessed()
    {
        SkipWithoutCorpus();
        var guardian = Path.Combine(RepositoryPaths.Corpora, "feeds", "rss-parser-js", "test", "input", "guardian.rss");
        var reuters = Path.Combine(RepositoryPaths.Corpora, "reuters21578", "reut2-013.sgm");
        File.Copy(RepositoryPaths.ExampleArticle, Drop("example.txt"));
        File.Copy(Path.ChangeExtension(RepositoryPaths.ExampleArticle, ".meta.json"), Drop("example.meta.json"));
        File.WriteAllText(Drop("one.json"), Json(InboxHarness.Story(1)));
        File.WriteAllText(Drop("two.ndjson"), Json(InboxHarness.Story(2)) + "\n" + Json(InboxHarness.Story(3)) + "\n");
        File.Copy(guardian, Drop("guardian.rss"));
        File.Copy(reuters, Drop("reut2-013.sgm"));
        Settle();

        var summary = await SweepAsync();

        // Counted in the source files themselves, not by the readers under test.
        var rssItems = Occurrences(File.ReadAllText(guardian), "<item>");
        var reutersStories = Occurrences(File.ReadAllText(reuters, Encoding.Latin1), "<REUTERS ");
        var items = await _harness.ItemsAsync();
        Assert.Equal(1, items.Count(item => item.Channel.EndsWith(":example.txt", StringComparison.Ordinal)));
        Assert.Equal(1, items.Count(item => item.Channel.EndsWith(":one.json", StringComparison.Ordinal)));
        Assert.Equal(2, items.Count(item => item.Channel.EndsWith(":two.ndjson", StringComparison.Ordinal)));
        Assert.Equal(rssItems, items.Count(item => item.Channel.EndsWith(":guardian.rss", StringComparison.Ordinal)));
        Assert.Equal(reutersStories, items.Count(item => item.Channel.EndsWith(":reut2-013.sgm", StringComparison.Ordinal)));
        // Five files: the text article and its sidecar are one.
        Assert.Equal((5, 0, 0, 1 + 1 + 2 + rssItems + reutersStories), (summary.Processed, summary.Rejected, summary.Waiting, summary.Items));
        Assert.Empty(Directory.GetFiles(_folder));
        Assert.Equal(
            ["example.meta.json", "example.txt", "guardian.rss", "one.json", "reut2-013.sgm", "two.ndjson"],
            Directory.GetFiles(Processed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var example = JsonSerializer.Deserialize<IncomingArticle>(items.Single(item => item.Channel.EndsWith(":example.txt", StringComparison.Ordinal)).Payload, IncomingArticle.Json)!;
        Assert.Equal("RFE/RL", example.Source); // from the sidecar, which travelled with the text
    }

    [Fact]
    public async Task AFileNoReaderTakes_IsMovedToRejected_WithItsReason()
    {
        File.WriteAllText(Drop("notes.pdf"), "%PDF-1.4");
        File.WriteAllText(Drop("broken.json"), "{ \"title\": ");
        File.WriteAllText(Drop("good.json"), Json(InboxHarness.Story(1)));
        Settle();

        var summary = await SweepAsync();

        Assert.Equal((1, 2), (summary.Processed, summary.Rejected));
        Assert.Contains("'.pdf' is not a format import reads", File.ReadAllText(Path.Combine(Rejected, "notes.pdf.reason.txt")), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(File.ReadAllText(Path.Combine(Rejected, "broken.json.reason.txt"))));
        Assert.Equal("{ \"title\": ", File.ReadAllText(Path.Combine(Rejected, "broken.json")));
        Assert.True(File.Exists(Path.Combine(Processed, "good.json")));
        Assert.Single(await _harness.ItemsAsync());
    }

    [Fact]
    public async Task AFileOfRandomBytes_IsRejectedWhole_NotQuarantinedRowByRow()
    {
        var random = new Random(19);
        var lines = Enumerable.Range(0, 3_000).Select(_ =>
        {
            var bytes = new byte[random.Next(20, 200)];
            random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        });
        File.WriteAllText(Drop("random.jsonl"), string.Join('\n', lines));
        Settle();

        var summary = await SweepAsync();

        Assert.Equal((0, 1), (summary.Processed, summary.Rejected));
        Assert.StartsWith("none of its first 1,000 records is an article (the first: not a JSON article", File.ReadAllText(Path.Combine(Rejected, "random.jsonl.reason.txt")), StringComparison.Ordinal);
        Assert.Empty(await _harness.ItemsAsync());
    }

    [Fact]
    public async Task OneArticleAmongTheFirstThousandRecords_LetsTheFileThrough_WithTheBadRecordsQuarantined()
    {
        var lines = Enumerable.Range(0, 999).Select(n => $"not json {n}").Append(Json(InboxHarness.Story(1)));
        File.WriteAllText(Drop("mostly-bad.jsonl"), string.Join('\n', lines));
        Settle();

        var summary = await SweepAsync();

        Assert.Equal((1, 0, 1_000), (summary.Processed, summary.Rejected, summary.Items));
    }

    [Fact]
    public async Task AFileStillBeingWritten_IsLeft_UntilItHasSettled()
    {
        var path = Drop("growing.ndjson");
        File.WriteAllText(path, Json(InboxHarness.Story(1)) + "\n");

        var early = await SweepAsync();
        File.AppendAllText(path, Json(InboxHarness.Story(2)) + "\n");
        Settle();
        var settled = await SweepAsync();

        Assert.Equal((0, 1), (early.Processed, early.Waiting));
        Assert.Equal((1, 0, 2), (settled.Processed, settled.Waiting, settled.Items));
        Assert.Equal(2, (await _harness.ItemsAsync()).Count);
    }

    [Fact]
    public async Task ALockedFile_IsLeft_UntilItsWriterLetsGo()
    {
        var path = Drop("locked.json");
        File.WriteAllText(path, Json(InboxHarness.Story(1)));
        Settle();

        DropSweepSummary whileLocked;
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            whileLocked = await SweepAsync();
        }

        var afterwards = await SweepAsync();

        Assert.Equal((0, 1), (whileLocked.Processed, whileLocked.Waiting));
        Assert.Equal((1, 1), (afterwards.Processed, afterwards.Items));
    }

    [Fact]
    public async Task AFileRecordedBeforeACrash_IsMovedOnRestart_WithoutBeingRecordedAgain()
    {
        File.WriteAllText(Drop("batch.ndjson"), string.Join('\n', Enumerable.Range(1, 3).Select(n => Json(InboxHarness.Story(n)))));
        Settle();

        // processed/ cannot be created while a file holds its name: the sweep dies after recording, before moving.
        File.WriteAllText(Processed, "in the way");
        await Assert.ThrowsAsync<IOException>(SweepAsync);
        var recordedBeforeCrash = (await _harness.ItemsAsync()).Count;
        File.Delete(Processed);

        var restarted = await SweepAsync();

        Assert.Equal(3, recordedBeforeCrash);
        Assert.Equal((1, 0), (restarted.Processed, restarted.Items));
        Assert.Equal(3, (await _harness.ItemsAsync()).Count);
        Assert.True(File.Exists(Path.Combine(Processed, "batch.ndjson")));
    }

    [Fact]
    public async Task ACrashWhileIndexing_AndTheSameFileDroppedAgain_IndexEachArticleOnce()
    {
        File.WriteAllText(Drop("batch.ndjson"), string.Join('\n', Enumerable.Range(1, 4).Select(n => Json(InboxHarness.Story(n)))));
        Settle();
        await SweepAsync();
        _harness.Index.Crash = CrashPoint.AfterIndexWrite;
        await Assert.ThrowsAsync<IOException>(() => _harness.ProcessAllAsync(Cancel));
        _harness.Index.Crash = CrashPoint.None;

        var resumed = await _harness.ProcessAllAsync(Cancel);
        File.Copy(Path.Combine(Processed, "batch.ndjson"), Drop("batch.ndjson"));
        Settle();
        var again = await SweepAsync();
        var duplicates = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal((4, 4), (resumed.Indexed, resumed.AlreadyIndexed));
        Assert.Equal(4, _harness.Index.Written.Distinct().Count());
        Assert.Equal(4, _harness.Index.Written.Count);
        Assert.Equal(4, await _harness.Lucene.CountAsync(Cancel));

        // Same name, same bytes: recognised as the file already recorded, moved beside the first copy.
        Assert.Equal((1, 0), (again.Processed, again.Items));
        Assert.Equal(0, duplicates.Read);
        Assert.Equal(2, Directory.GetFiles(Processed, "batch*.ndjson").Length);
    }

    [Fact]
    public async Task TheSameNameWithNewContent_IsANewFile_AndItsKnownArticlesAreDuplicates()
    {
        File.WriteAllText(Drop("daily.json"), Json(InboxHarness.Story(1)));
        Settle();
        await SweepAsync();
        await _harness.ProcessAllAsync(Cancel);

        File.WriteAllText(Drop("daily.json"), "[" + Json(InboxHarness.Story(1)) + "," + Json(InboxHarness.Story(2)) + "]");
        Settle();
        var second = await SweepAsync();
        var processed = await _harness.ProcessAllAsync(Cancel);

        Assert.Equal(2, second.Items);
        Assert.Equal((1, 1), (processed.Indexed, processed.Duplicates));
        Assert.Equal(2, await _harness.Lucene.CountAsync(Cancel));
        Assert.Equal(2, Directory.GetFiles(Processed, "daily*.json").Length);
    }

    [Fact]
    public async Task FilesBeingCopiedUnderATemporaryName_AreNotTaken()
    {
        File.WriteAllText(Drop("copying.json.part"), Json(InboxHarness.Story(1)));
        File.WriteAllText(Drop(".hidden.json"), Json(InboxHarness.Story(2)));
        Settle();

        var summary = await SweepAsync();

        Assert.Equal((0, 0, 0), (summary.Processed, summary.Rejected, summary.Waiting));
        Assert.Empty(await _harness.ItemsAsync());
    }

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Drop(string name) => Path.Combine(_folder, name);

    // Dates the files back past the settle time, as if their writers had finished a while ago.
    private void Settle()
    {
        foreach (var file in Directory.GetFiles(_folder))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - SettleTime - TimeSpan.FromSeconds(5));
        }
    }

    private Task<DropSweepSummary> SweepAsync() => new DropFolderSweepJob(
        new DropFolderLocation(_folder),
        _harness.CreateRecorder(),
        _harness.CreatePipeline(),
        Microsoft.Extensions.Options.Options.Create(new IngestionOptions { DropFolderSettleTime = SettleTime }),
        TimeProvider.System,
        NullLogger<DropFolderSweepJob>.Instance).SweepAsync(Cancel);

    private static string Json(IncomingArticle article) => Encoding.UTF8.GetString(article.ToUtf8Json());

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void SkipWithoutCorpus()
    {
        if (!Directory.Exists(RepositoryPaths.Corpora))
        {
            Assert.Skip($"The corpora are absent ({RepositoryPaths.Corpora}).");
        }
    }
}

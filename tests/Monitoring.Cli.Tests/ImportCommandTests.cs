using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-import-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_QuarantinesPoisonedItems_WithTheirReasons_WhileTheRestOfTheBatchGoesThrough()
    {
        // Three real items of the demo corpus, and between them: bytes that are not UTF-8, a line that is
        // not JSON, and an item over Ingestion:MaxItemBytes (2 MB).
        var corpus = File.ReadLines(Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl")).Take(3).ToList();
        var enormous = JsonSerializer.Serialize(new { title = "Enormous", text = new string('x', 3 * 1024 * 1024), source = "Test" });
        var batch = new MemoryStream();
        void Line(byte[] bytes)
        {
            batch.Write(bytes);
            batch.WriteByte((byte)'\n');
        }

        Line(Encoding.UTF8.GetBytes(corpus[0]));
        Line([.. "{\"title\":\"Bad "u8, 0xC3, 0x28, .. " bytes\",\"text\":\"x\",\"source\":\"Test\"}"u8]);
        Line(Encoding.UTF8.GetBytes(corpus[1]));
        Line("{not json at all"u8.ToArray());
        Line(Encoding.UTF8.GetBytes(enormous));
        Line(Encoding.UTF8.GetBytes(corpus[2]));
        var file = Path.Combine(_folder, "batch.ndjson");
        await File.WriteAllBytesAsync(file, batch.ToArray(), Cancel);

        var (exitCode, output) = await ImportAsync(file);

        Assert.Equal(0, exitCode);
        Assert.Contains("read: 6, new: 3", output, StringComparison.Ordinal);
        Assert.Contains("rejected: 3", output, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", output, StringComparison.Ordinal);
        Assert.Contains("not a JSON article", output, StringComparison.Ordinal);
        Assert.Contains("item is N bytes, over the limit of N", output, StringComparison.Ordinal);
        using (var index = new LuceneArticleIndex(Path.Combine(_folder, "data", "index")))
        {
            Assert.Equal(3, await index.CountAsync(Cancel));
        }

        using var db = IngestionStore.Open(Path.Combine(_folder, "data", "ingestion.db"));
        var quarantined = await db.InboxItems.Where(item => item.State == InboxItemState.Quarantined).OrderBy(item => item.Id).ToListAsync(Cancel);
        Assert.Equal(3, quarantined.Count);
        Assert.All(quarantined, item => Assert.False(string.IsNullOrWhiteSpace(item.Reason)));
    }

    [Fact]
    public async Task Import_TheDemoCorpus_KeepsItemsOfOnePortalPageApart_AndSplitsTheCitedOutlets()
    {
        var corpus = Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");
        var lines = File.ReadLines(corpus).Where(line => line.Length > 0).ToList();

        var (exitCode, output) = await ImportAsync(corpus);

        Assert.Equal(0, exitCode);
        using var index = new LuceneArticleIndex(Path.Combine(_folder, "data", "index"));
        var result = await index.SearchAsync(new ArticleQuery { Take = 1 }, Cancel);
        Assert.Equal(lines.Count, await index.CountAsync(Cancel) + Duplicates(output));
        Assert.Equal("Wikipedia Current events", Assert.Single(result.Facets.Sources).Value);
    }

    [Fact]
    public async Task Import_ExitsNonZero_WhenNothingCouldBeRead()
    {
        var notArticles = Path.Combine(_folder, "notes.pdf");
        await File.WriteAllTextAsync(notArticles, "%PDF-1.4", Cancel);

        var (exitCode, output) = await ImportAsync(notArticles, Path.Combine(_folder, "missing.ndjson"));

        Assert.Equal(1, exitCode);
        Assert.Contains("file rejected: " + notArticles + ": '.pdf' is not a format import reads", output, StringComparison.Ordinal);
        Assert.Contains("no such file", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static int Duplicates(string output)
    {
        var marker = "duplicate: ";
        var start = output.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return int.Parse(output[start..output.IndexOf(',', start)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(int ExitCode, string Output)> ImportAsync(params string[] paths)
    {
        var output = new StringWriter();
        var exitCode = await ImportCommand.RunAsync(
            [.. paths, "--data", Path.Combine(_folder, "data"), "--seeds", RepositoryPaths.Seeds],
            output,
            TextWriter.Null,
            interactive: false);
        return (exitCode, output.ToString());
    }
}

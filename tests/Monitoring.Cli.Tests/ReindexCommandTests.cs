using System.Net;
using System.Net.Sockets;
using System.Text;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search.Lucene;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary><c>monitoring reindex</c> end to end on the demo corpus (seeds/corpus): Lucene to Lucene, interrupted and continued, and its errors.</summary>
public sealed class ReindexCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-reindex-cli-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string From => Path.Combine(_folder, "from");

    private string To => Path.Combine(_folder, "to");

    [Fact]
    public async Task Reindex_CopiesTheDemoCorpus_PrintingProgressAndASummary()
    {
        var ids = await WriteDemoSourceAsync();

        var (exitCode, output, progress) = await ReindexAsync(["--from", From, "--to", To, "--batch", "400", "--progress-interval", "0"]);

        Assert.Equal(0, exitCode);
        Assert.Contains($"done: {ids.Count:N0} of {ids.Count:N0} articles copied to lucene:{To}", output, StringComparison.Ordinal);
        Assert.Contains($"copied 400/{ids.Count:N0} (", progress, StringComparison.Ordinal);
        Assert.Contains("articles/s  ETA ", progress, StringComparison.Ordinal);
        using var target = new LuceneArticleIndex(To);
        Assert.Equal(ids.Count, await target.CountAsync(Cancel));
        Assert.False(File.Exists(From + ".reindex-checkpoint.json"));
    }

    [Fact]
    public async Task Reindex_StoppedAfterItsFirstBatch_ExitsWith130_AndTheSameCommandContinues()
    {
        var ids = await WriteDemoSourceAsync();
        string[] command = ["--from", From, "--to", To, "--batch", "500", "--progress-interval", "0"];

        // Stopped as Ctrl+C stops it, once the first batch is reported.
        using var stop = new CancellationTokenSource();
        var first = await ReindexAsync(command, new StopOnFirstProgress(stop), stop.Token);

        Assert.Equal(130, first.ExitCode);
        Assert.Contains($"interrupted: 500 of {ids.Count:N0} articles copied", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(From + ".reindex-checkpoint.json"));

        var second = await ReindexAsync(command);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("after 500 articles", second.Output, StringComparison.Ordinal);
        Assert.Contains($"done: {ids.Count:N0} of {ids.Count:N0} articles copied to lucene:{To}, {ids.Count - 500:N0} by this run", second.Output, StringComparison.Ordinal);
        using var target = new LuceneArticleIndex(To);
        Assert.Equal(ids.Count, await target.CountAsync(Cancel));
    }

    [Theory]
    [InlineData("--to", "to")]
    [InlineData("--from", "from", "--to", "to", "--batch", "0")]
    [InlineData("--from", "from", "--to", "to", "--batch", "many")]
    [InlineData("--from", "from", "--to", "from")]
    [InlineData("--from", "from", "--to", "to", "--index", "articles")]
    [InlineData("--from", "from", "--to", "http://127.0.0.1:9200", "--index", "Not An Alias")]
    [InlineData("--from", "from", "--to", "to", "--frobnicate")]
    [InlineData("--from", "from", "--to", "to", "stray")]
    public async Task Reindex_ExitsWith2_OnBadArguments(params string[] args)
    {
        var inFolder = args.Select(arg => arg is "from" or "to" ? Path.Combine(_folder, arg) : arg).ToArray();

        var (exitCode, _, progress) = await ReindexAsync(inFolder);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: monitoring reindex", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_ExitsWith1_WhenTheSourceIsMissing()
    {
        var (exitCode, _, progress) = await ReindexAsync(["--from", From, "--to", To]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"reindex: cannot read the source: There is no folder '{From}'", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_ExitsWith1_WhenTheClusterCannotBeReached_BeforeReadingAnything()
    {
        await WriteDemoSourceAsync(take: 5);
        var closed = ClosedPortUrl();

        var (exitCode, _, progress) = await ReindexAsync(["--from", From, "--to", closed]);

        Assert.Equal(1, exitCode);
        Assert.Contains("reindex: cannot use the target:", progress, StringComparison.Ordinal);
        Assert.Contains(closed, progress, StringComparison.Ordinal);
        Assert.False(File.Exists(From + ".reindex-checkpoint.json"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An address on this machine where nothing listens: a port just given up by a listener.</summary>
    private static string ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private static async Task<(int ExitCode, string Output, string Progress)> ReindexAsync(
        string[] args, TextWriter? progress = null, CancellationToken? stop = null)
    {
        var output = new StringWriter();
        progress ??= new StringWriter();
        var exitCode = await ReindexCommand.RunAsync(args, output, progress, stop ?? Cancel);
        return (exitCode, output.ToString(), progress.ToString()!);
    }

    /// <summary>The demo corpus (or its first articles) enriched by the shipped seeds, as the app indexes it; returns the distinct ids.</summary>
    private async Task<IReadOnlySet<ArticleId>> WriteDemoSourceAsync(int take = int.MaxValue)
    {
        var enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));
        var corpus = Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");
        var articles = JsonlCorpusReader.Read(corpus, new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero)).Take(take).Select(enricher.Enrich).ToList();
        using var index = new LuceneArticleIndex(From);
        await index.IndexAsync(articles, Cancel);
        return articles.Select(article => article.Id).ToHashSet();
    }

    /// <summary>The progress output of a test: cancels the copy when the first progress line is written.</summary>
    private sealed class StopOnFirstProgress(CancellationTokenSource stop) : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("copied ", StringComparison.Ordinal) == true)
            {
                stop.Cancel();
            }
        }
    }
}

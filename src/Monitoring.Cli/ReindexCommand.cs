using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Search;
using Monitoring.Search.Elasticsearch;
using Monitoring.Search.Lucene;
using Monitoring.Search.Reindexing;

namespace Monitoring.Cli;

/// <summary>
/// <c>reindex --from DIR --to DIR|URL [--index NAME] [--re-enrich] [--seeds DIR] [--batch N] [--checkpoint FILE]
/// [--restart] [--progress-interval SECONDS]</c>: copies every article stored in a Lucene index into another
/// Lucene folder or an Elasticsearch cluster, through the engines the app uses. Exit codes: 0 copied,
/// 1 the copy failed (source unreadable, target unreachable or refusing articles), 2 bad arguments,
/// 130 interrupted (Ctrl+C or SIGTERM; the same command continues from the checkpoint).
/// </summary>
internal static class ReindexCommand
{
    public const int Interrupted = 130;

    private const int DefaultBatch = 500;

    private static readonly string[] KnownOptions =
        ["--from", "--to", "--index", "--re-enrich", "--seeds", "--batch", "--checkpoint", "--restart", "--progress-interval"];

    private static readonly string[] Flags = ["--re-enrich", "--restart"];

    /// <summary>From the console: Ctrl+C or SIGTERM stop after the batch in flight; a second Ctrl+C ends the process at once.</summary>
    public static async Task<int> RunFromConsoleAsync(IReadOnlyList<string> args)
    {
        using var stop = new CancellationTokenSource();
        void Stop()
        {
            Console.Error.WriteLine("reindex: stopping after the batch in flight (Ctrl+C again to end at once).");
            stop.Cancel();
        }

        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                Stop();
            }
        };
        Console.CancelKeyPress += onCtrlC;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop();
        });
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter progressOutput, CancellationToken cancellationToken)
    {
        var request = Parse(args);
        if (request.Error is not null)
        {
            return await UsageErrorAsync(progressOutput, request.Error).ConfigureAwait(false);
        }

        LuceneArticleSource source;
        try
        {
            source = LuceneArticleSource.Open(request.From);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException)
        {
            await progressOutput.WriteLineAsync($"reindex: cannot read the source: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        using (source)
        {
            return await CopyAsync(request, source, output, progressOutput, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> CopyAsync(
        ReindexRequest request, LuceneArticleSource source, TextWriter output, TextWriter progressOutput, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.InvariantCulture;
        ArticleEnricher? enricher = null;
        if (request.ReEnrich)
        {
            try
            {
                enricher = new ArticleEnricher(EnrichmentModel.LoadFrom(request.Seeds));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                await progressOutput.WriteLineAsync($"reindex: cannot load the enrichment seeds: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        }

        IArticleIndex target;
        try
        {
            target = request.OpenTarget();
        }
        catch (InvalidOperationException ex)
        {
            await progressOutput.WriteLineAsync($"reindex: cannot open the target: {ex.Message} Stop the app using it first.").ConfigureAwait(false);
            return 1;
        }

        try
        {
            // Reaches the target before anything is read: an unreachable cluster fails here, and a new
            // Elasticsearch index is created with its mappings.
            long before;
            try
            {
                before = await ((IArticleSearch)target).CountAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ElasticsearchRequestException ex)
            {
                await progressOutput.WriteLineAsync($"reindex: cannot use the target: {ex.Message}").ConfigureAwait(false);
                return 1;
            }

            await progressOutput.WriteLineAsync(string.Create(culture,
                $"reindex: {source.Count:N0} articles in {source.IndexFolder} (commit {source.Generation}) to {request.Target} ({before:N0} articles there now){(enricher is null ? "" : ", enriched again with " + Path.GetFullPath(request.Seeds))}")).ConfigureAwait(false);

            var options = new ReindexOptions
            {
                Target = request.Target,
                CheckpointPath = request.Checkpoint,
                BatchSize = request.Batch,
                Enricher = enricher,
                Restart = request.Restart,
            };
            var reindexer = new ArticleReindexer(source, target, options);
            var result = await reindexer.RunAsync(new ProgressLines(progressOutput, request.ProgressInterval), cancellationToken).ConfigureAwait(false);
            return await SummariseAsync(result, request, output).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ElasticsearchRequestException or InvalidDataException or IOException)
        {
            var failed = ex is InvalidDataException ? "the source could not be read" : "the target failed";
            await progressOutput.WriteLineAsync($"reindex: {failed}: {ex.Message}").ConfigureAwait(false);
            await progressOutput.WriteLineAsync($"reindex: the batches written before are recorded in {request.Checkpoint}; run the same command again to continue.").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    private static async Task<int> SummariseAsync(ReindexResult result, ReindexRequest request, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        var final = result.Final;
        if (result.StartedOverBecause is { } reason)
        {
            await output.WriteLineAsync($"checkpoint {request.Checkpoint} not continued: {reason}; started over").ConfigureAwait(false);
        }
        else if (result.ResumedAt > 0)
        {
            await output.WriteLineAsync(string.Create(culture, $"continued from checkpoint {request.Checkpoint} after {result.ResumedAt:N0} articles")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(culture,
            $"{(result.Interrupted ? "interrupted" : "done")}: {final.Copied:N0} of {final.Total:N0} articles copied to {request.Target}, {final.CopiedThisRun:N0} by this run in {final.Elapsed.TotalSeconds:0.0} s ({final.ArticlesPerSecond:N0} articles/s)")).ConfigureAwait(false);
        foreach (var failure in result.Refused)
        {
            await output.WriteLineAsync(string.Create(culture, $"  refused {failure.ArticleId}: {failure.Status} {failure.ErrorType} {failure.Reason}")).ConfigureAwait(false);
        }

        if (result.Interrupted)
        {
            await output.WriteLineAsync($"run the same command again to continue (checkpoint: {request.Checkpoint})").ConfigureAwait(false);
            return Interrupted;
        }

        return result.Refused.Count > 0 ? 1 : 0;
    }

    private static ReindexRequest Parse(IReadOnlyList<string> args)
    {
        if (ArgumentError(args) is { } error)
        {
            return new ReindexRequest { Error = error };
        }

        var from = CliOptions.Value(args, "--from");
        var to = CliOptions.Value(args, "--to");
        if (from is null || to is null)
        {
            return new ReindexRequest { Error = "give the source with --from <Lucene index folder> and the target with --to <folder or http(s) URL>." };
        }

        var request = new ReindexRequest
        {
            From = Path.GetFullPath(from),
            ReEnrich = CliOptions.Flag(args, "--re-enrich"),
            Restart = CliOptions.Flag(args, "--restart"),
            Seeds = CliOptions.Value(args, "--seeds") ?? "seeds",
        };
        request = request with { Checkpoint = Path.GetFullPath(CliOptions.Value(args, "--checkpoint") ?? request.From.TrimEnd(Path.DirectorySeparatorChar) + ".reindex-checkpoint.json") };

        var batchText = CliOptions.Value(args, "--batch") ?? DefaultBatch.ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(batchText, NumberStyles.None, CultureInfo.InvariantCulture, out var batch) || batch is < 1 or > 10_000)
        {
            return request with { Error = $"--batch takes a number of articles from 1 to 10000, not '{batchText}'." };
        }

        var intervalText = CliOptions.Value(args, "--progress-interval") ?? "2";
        if (!double.TryParse(intervalText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is < 0 or > 3600)
        {
            return request with { Error = $"--progress-interval takes seconds from 0 to 3600, not '{intervalText}'." };
        }

        request = request with { Batch = batch, ProgressInterval = TimeSpan.FromSeconds(seconds) };
        return IsHttpUrl(to) ? WithElasticsearchTarget(request, to, args) : WithLuceneTarget(request, to, CliOptions.Value(args, "--index"));
    }

    private static ReindexRequest WithLuceneTarget(ReindexRequest request, string to, string? index)
    {
        var folder = Path.GetFullPath(to);
        if (index is not null)
        {
            return request with { Error = "--index names an Elasticsearch alias; the target here is a Lucene folder." };
        }

        if (string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), request.From.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return request with { Error = "--from and --to are the same folder; copy into another one." };
        }

        return request with { Target = "lucene:" + folder, OpenTarget = () => new LuceneArticleIndex(folder) };
    }

    /// <summary>
    /// The cluster's credentials and settings come from the app's keys (Search:Elasticsearch:ApiKey …) in
    /// environment variables or as --Search:Elasticsearch:Key value; --to and --index override the nodes and alias.
    /// </summary>
    private static ReindexRequest WithElasticsearchTarget(ReindexRequest request, string to, IReadOnlyList<string> args)
    {
        var settings = args.Where((arg, i) => IsSetting(arg) || (i > 0 && IsSetting(args[i - 1]))).ToArray();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(settings).Build();
        var options = new ElasticsearchSearchOptions();
        configuration.GetSection($"{SearchOptions.SectionName}:{nameof(SearchOptions.Elasticsearch)}").Bind(options);
        options.Urls = [to];
        options.Alias = CliOptions.Value(args, "--index") ?? options.Alias;
        options.BulkBatchSize = request.Batch;

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            return request with { Error = string.Join(" ", problems.Select(problem => problem.ErrorMessage)) };
        }

        return request with
        {
            Target = $"elasticsearch:{to.TrimEnd('/')}/{options.Alias}",
            OpenTarget = () => new ElasticsearchArticleIndex(options),
        };
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal);

    /// <summary>An option the command does not know, or a stray argument; null when there is none.</summary>
    private static string? ArgumentError(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsSetting(arg) || (KnownOptions.Contains(arg, StringComparer.Ordinal) && !Flags.Contains(arg, StringComparer.Ordinal)))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return $"{arg} needs a value.";
                }

                i++;
            }
            else if (!Flags.Contains(arg, StringComparer.Ordinal))
            {
                return arg.StartsWith("--", StringComparison.Ordinal) ? $"unknown option {arg}." : $"unexpected argument '{arg}'.";
            }
        }

        return null;
    }

    private static async Task<int> UsageErrorAsync(TextWriter progressOutput, string error)
    {
        await progressOutput.WriteLineAsync($"reindex: {error}").ConfigureAwait(false);
        await progressOutput.WriteLineAsync("usage: monitoring reindex --from <Lucene index folder> --to <folder or http(s)://elasticsearch:9200> [--index <alias>] [--re-enrich] [--seeds <seeds>] [--batch N] [--checkpoint <file>] [--restart] [--progress-interval <seconds>]").ConfigureAwait(false);
        return 2;
    }

    private sealed record ReindexRequest
    {
        public string From { get; init; } = "";

        public string Target { get; init; } = "";

        public Func<IArticleIndex> OpenTarget { get; init; } = () => throw new InvalidOperationException("No target.");

        public string Checkpoint { get; init; } = "";

        public string Seeds { get; init; } = "seeds";

        public bool ReEnrich { get; init; }

        public bool Restart { get; init; }

        public int Batch { get; init; } = DefaultBatch;

        public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

        public string? Error { get; init; }
    }

    /// <summary>One line per interval, however many batches went by: copied/total, rate and time left.</summary>
    private sealed class ProgressLines(TextWriter writer, TimeSpan interval) : IProgress<ReindexProgress>
    {
        private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();

        public void Report(ReindexProgress value)
        {
            if (_sinceLastLine.Elapsed < interval)
            {
                return;
            }

            _sinceLastLine.Restart();
            var share = value.Total == 0 ? 1 : (double)value.Copied / value.Total;
            var eta = value.Remaining is { } left ? left.ToString(left.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "?";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"copied {value.Copied:N0}/{value.Total:N0} ({share * 100:0}%)  {value.ArticlesPerSecond:N0} articles/s  ETA {eta}"));
            writer.Flush();
        }
    }
}

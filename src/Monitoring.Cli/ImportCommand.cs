using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Core.Search;
using Monitoring.Ingestion;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Inbox;
using Monitoring.Search;
using Monitoring.Search.Lucene;

namespace Monitoring.Cli;

/// <summary>
/// <c>import PATH… [--data DIR] [--seeds DIR] [--Section:Key value]…</c>: imports files and folders through the
/// app's durable pipeline into the app's store and index (default the data/ folder under the current
/// directory, the app's own), so the articles appear in the app. Settings use the app's keys
/// (Ingestion:StorePath, Search:Lucene:IndexPath, Ingestion:BatchSize …) from environment variables or
/// the command line; --data DIR sets the store and index to DIR/ingestion.db and DIR/index.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter progressOutput, bool interactive)
    {
        var paths = CliOptions.Positional(args);
        if (paths.Count == 0)
        {
            await progressOutput.WriteLineAsync("import: name at least one file or folder (.txt, .json, .ndjson, .jsonl, .xml/.rss/.atom, .sgm).").ConfigureAwait(false);
            return 2;
        }

        using var host = Compose(args);
        var files = ImportFileReader.ExpandPaths(paths);
        var index = TryOpenIndex(host.Services, out var indexError);
        if (!index)
        {
            await progressOutput.WriteLineAsync($"import: the index is in use ({indexError}); recording the items for the running app to index.").ConfigureAwait(false);
        }

        var bar = new ProgressBar(progressOutput, interactive);
        var import = host.Services.GetRequiredService<BulkImport>();
        var indexer = index ? host.Services.GetRequiredService<InboxProcessingJob>() : null;
        var summary = await import.RunAsync(files, indexer, bar).ConfigureAwait(false);
        bar.Finish(summary);
        await WriteSummaryAsync(output, summary, files.Count).ConfigureAwait(false);
        return summary.Read == 0 && summary.Resumed == 0 ? 1 : 0;
    }

    /// <summary>The app's ingestion and search services on the app's configuration keys.</summary>
    internal static IHost Compose(IReadOnlyList<string> args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        var data = CliOptions.Value(args, "--data");
        var defaults = new Dictionary<string, string?>
        {
            ["Ingestion:StorePath"] = Path.Combine("data", "ingestion.db"),
            ["Search:Lucene:IndexPath"] = Path.Combine("data", "index"),
            ["Ingestion:SeedsPath"] = "seeds",
            ["Ingestion:IngestSeedsOnStart"] = "false",
        };
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(defaults);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args.Where(IsSettingOrValue(args)).ToArray());
        var explicitPaths = new Dictionary<string, string?>();
        if (data is not null)
        {
            explicitPaths["Ingestion:StorePath"] = Path.Combine(data, "ingestion.db");
            explicitPaths["Search:Lucene:IndexPath"] = Path.Combine(data, "index");
        }

        if (CliOptions.Value(args, "--seeds") is { } seeds)
        {
            explicitPaths["Ingestion:SeedsPath"] = seeds;
        }

        builder.Configuration.AddInMemoryCollection(explicitPaths);
        builder.Services.AddSearch(builder.Configuration);
        builder.Services.AddIngestion();
        return builder.Build();
    }

    // "--Section:Key value" pairs only; the command's own options and paths are not settings.
    private static Func<string, int, bool> IsSettingOrValue(IReadOnlyList<string> args) =>
        (arg, i) => IsSetting(arg) || (i > 0 && IsSetting(args[i - 1]) && !arg.StartsWith("--", StringComparison.Ordinal));

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal);

    private static bool TryOpenIndex(IServiceProvider services, out string? error)
    {
        try
        {
            _ = services.GetRequiredService<IArticleIndex>();
            error = null;
            return true;
        }
        catch (IndexInUseException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, ImportSummary summary, int files)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(culture, $"files: {files}, read: {summary.Read:N0}, new: {summary.New:N0} ({summary.Clustered:N0} joined a story), duplicate: {summary.Duplicates:N0}, rejected: {summary.Rejected:N0}")).ConfigureAwait(false);
        if (summary.Resumed > 0)
        {
            await output.WriteLineAsync(string.Create(culture, $"resumed: {summary.Resumed:N0} items left pending by an earlier run")).ConfigureAwait(false);
        }

        if (summary.RecordedOnly > 0)
        {
            await output.WriteLineAsync(string.Create(culture, $"recorded for the running app to index: {summary.RecordedOnly:N0}")).ConfigureAwait(false);
        }

        foreach (var (reason, count) in summary.RejectedReasons.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(string.Create(culture, $"  rejected {count,6:N0}  {reason}")).ConfigureAwait(false);
        }

        foreach (var (file, reason) in summary.RejectedFiles)
        {
            await output.WriteLineAsync($"  file rejected: {file}: {reason}").ConfigureAwait(false);
        }
    }

    /// <summary>A bar redrawn in place on a terminal; plain lines every few seconds otherwise.</summary>
    private sealed class ProgressBar(TextWriter writer, bool interactive) : IProgress<ImportSummary>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private TimeSpan? _lastDrawn;

        public void Report(ImportSummary value)
        {
            var interval = interactive ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(2);
            if (_lastDrawn is { } last && _watch.Elapsed - last < interval)
            {
                return;
            }

            _lastDrawn = _watch.Elapsed;
            Draw(value);
        }

        public void Finish(ImportSummary summary)
        {
            Draw(summary);
            if (interactive)
            {
                writer.WriteLine();
            }
        }

        private void Draw(ImportSummary value)
        {
            var seconds = Math.Max(_watch.Elapsed.TotalSeconds, 0.001);
            var share = value.BytesTotal > 0 ? Math.Clamp((double)value.BytesDone / value.BytesTotal, 0, 1) : 0;
            var eta = share is > 0.01 and < 1 ? TimeSpan.FromSeconds(seconds * (1 - share) / share) : (TimeSpan?)null;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{share * 100,3:0}% read {value.Read:N0} new {value.New:N0} dup {value.Duplicates:N0} rejected {value.Rejected:N0}  {value.Read / seconds:N0} items/s{(eta is { } left ? $"  ETA {left:m\\:ss}" : string.Empty)}");
            if (interactive)
            {
                const int Width = 24;
                var filled = (int)(share * Width);
                writer.Write("\r[" + new string('#', filled) + new string('-', Width - filled) + "] " + line + "   ");
            }
            else
            {
                writer.WriteLine(line);
            }

            writer.Flush();
        }
    }
}

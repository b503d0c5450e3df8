using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Import;

/// <summary>
/// Imports files through the app's own durable pipeline: each chunk of a file's items is committed to the
/// inbox, then normalised, deduplicated, clustered, enriched and indexed by <see cref="InboxProcessingJob"/>.
/// A run killed at any point loses nothing (recorded items are processed by the next run or the app's
/// sweep) and indexes nothing twice (a file read again gives duplicates).
/// </summary>
public sealed partial class BulkImport(
    IngestionPipeline pipeline,
    IDbContextFactory<IngestionDbContext> store,
    IOptions<IngestionOptions> options)
{
    /// <summary>The inbox channel of items imported from <paramref name="file"/>.</summary>
    public static string ChannelOf(string file)
    {
        var channel = "import:" + Path.GetFileName(file);
        return channel.Length <= 200 ? channel : channel[..200];
    }

    /// <param name="files">Files, as <see cref="ImportFileReader.ExpandPaths"/> gives them.</param>
    /// <param name="indexer">
    /// The inbox processing of this process, which owns the index; null when another process (the running app)
    /// holds the index: the items are then only recorded, and that process's inbox sweep indexes them. (Resolving
    /// the job opens the index, so a caller that does not own it must not resolve one.)
    /// </param>
    public async Task<ImportSummary> RunAsync(IReadOnlyList<string> files, InboxProcessingJob? indexer, IProgress<ImportSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var summary = new ImportSummary { BytesTotal = files.Sum(file => File.Exists(file) ? new FileInfo(file).Length : 0) };
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (indexer is not null)
        {
            // Items an earlier, killed run recorded but did not process.
            var leftover = await indexer.ProcessAsync(0, long.MaxValue, cancellationToken).ConfigureAwait(false);
            summary.Resumed = leftover.Read;
        }

        foreach (var file in files)
        {
            summary.CurrentFile = file;
            var length = File.Exists(file) ? new FileInfo(file).Length : 0;
            IReadOnlyList<byte[]> payloads;
            try
            {
                payloads = ImportFileReader.Read(file);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                summary.RejectedFiles.Add((file, ex.Message));
                summary.BytesDone += length;
                progress?.Report(summary);
                continue;
            }

            var chunks = payloads.Chunk(options.Value.BatchSize).ToList();
            foreach (var chunk in chunks)
            {
                var ids = await pipeline.RecordAsync(ChannelOf(file), chunk, cancellationToken).ConfigureAwait(false);
                summary.Read += chunk.Length;
                if (indexer is not null)
                {
                    var run = await indexer.ProcessAsync(ids[0], ids[^1], cancellationToken).ConfigureAwait(false);
                    summary.New += run.Indexed;
                    summary.Duplicates += run.Duplicates;
                    summary.Clustered += run.Clustered;
                    await CountReasonsAsync(summary, ids[0], ids[^1], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    summary.RecordedOnly += chunk.Length;
                }

                summary.BytesDone += length / Math.Max(chunks.Count, 1);
                progress?.Report(summary);
            }

            summary.BytesDone = Math.Min(summary.BytesTotal, summary.BytesDone + (length % Math.Max(chunks.Count, 1)));
        }

        summary.CurrentFile = null;
        progress?.Report(summary);
        return summary;
    }

    /// <summary>
    /// Groups quarantine reasons by their kind: numbers, quoted values and parenthesised details removed
    /// ("item is 3,000,000 bytes, over the limit of 2,097,152 (…)" → "item is N bytes, over the limit of N").
    /// </summary>
    public static string ReasonKind(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var kind = Parenthesised().Replace(reason, string.Empty);
        kind = Quoted().Replace(kind, "'…'");
        return Number().Replace(kind, "N").Trim();
    }

    private async Task CountReasonsAsync(ImportSummary summary, long first, long last, CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var reasons = await db.InboxItems.AsNoTracking()
                .Where(item => item.Id >= first && item.Id <= last && item.State == InboxItemState.Quarantined)
                .Select(item => item.Reason)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var reason in reasons)
            {
                var kind = ReasonKind(reason ?? "unknown");
                summary.Rejected++;
                summary.RejectedReasons[kind] = summary.RejectedReasons.GetValueOrDefault(kind) + 1;
            }
        }
    }

    [GeneratedRegex(@"\s*\((?>[^()]+|\((?<d>)|\)(?<-d>))*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"'[^']*'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    // Not the digits of a name such as UTF-8.
    [GeneratedRegex(@"(?<![\w-])(\d[\d,.]*\d|\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}

/// <summary>What an import did so far; reported as progress and at the end.</summary>
public sealed class ImportSummary
{
    public long BytesTotal { get; set; }

    public long BytesDone { get; set; }

    public string? CurrentFile { get; set; }

    /// <summary>Items read from the files (each becomes one inbox item).</summary>
    public int Read { get; set; }

    /// <summary>Items that became new, searchable articles.</summary>
    public int New { get; set; }

    /// <summary>Items that were an article known already (same canonical URL or same text).</summary>
    public int Duplicates { get; set; }

    /// <summary>Of <see cref="New"/>, articles that joined the story of an earlier near-duplicate.</summary>
    public int Clustered { get; set; }

    /// <summary>Items quarantined, each with its reason.</summary>
    public int Rejected { get; set; }

    /// <summary>Rejected items per kind of reason (<see cref="BulkImport.ReasonKind"/>).</summary>
    public Dictionary<string, int> RejectedReasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Files that could not be read at all, with why.</summary>
    public List<(string File, string Reason)> RejectedFiles { get; } = [];

    /// <summary>Items left pending by an earlier run and processed by this one.</summary>
    public int Resumed { get; set; }

    /// <summary>Items recorded for another process to index (the index was in use).</summary>
    public int RecordedOnly { get; set; }
}

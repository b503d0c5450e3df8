using System.Globalization;
using System.Security.Cryptography;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.DropFolder;

/// <summary>
/// Takes the settled files of the drop folder: reads each with the readers of <c>monitoring import</c>,
/// records its items in the durable inbox (which enqueues their processing), and only then moves the file
/// to <c>processed/</c>; a file that cannot be read goes to <c>rejected/</c> with <c>&lt;name&gt;.reason.txt</c>.
/// The inbox channel names the file and a hash of its content, so a file recorded just before a crash is
/// recognised on the next sweep and moved without being recorded again.
/// </summary>
public sealed partial class DropFolderSweepJob(
    DropFolderLocation location,
    InboxRecorder recorder,
    IngestionPipeline pipeline,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<DropFolderSweepJob> logger)
{
    public const string ProcessedFolder = "processed";

    public const string RejectedFolder = "rejected";

    public const string ReasonSuffix = ".reason.txt";

    public const string RecurringJobId = "drop-folder-sweep";

    /// <summary>Writers may copy under these names and rename when done; such files are never taken.</summary>
    private static readonly string[] InProgressExtensions = [".tmp", ".part", ".partial", ".crdownload"];

    /// <summary>Sweeps the folder once. One method for the watcher's and the minutely runs, so they never overlap.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<DropSweepSummary> SweepAsync(CancellationToken cancellationToken)
    {
        var summary = new DropSweepSummary();
        if (location.FullPath is not { } folder || !Directory.Exists(folder))
        {
            return summary;
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly)
            .Where(IsCandidate)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await TakeAsync(folder, file, summary, cancellationToken).ConfigureAwait(false);
        }

        if (summary.Processed + summary.Rejected > 0)
        {
            LogSwept(logger, summary.Processed, summary.Items, summary.Rejected, summary.Waiting);
        }

        return summary;
    }

    /// <summary>The inbox channel of a dropped file: its name and a hash of its bytes (and its sidecar's).</summary>
    public static string ChannelOf(string file, string contentHash)
    {
        var name = Path.GetFileName(file);
        var channel = $"drop:{contentHash}:{name}";
        return channel.Length <= 200 ? channel : channel[..200];
    }

    private async Task TakeAsync(string folder, string file, DropSweepSummary summary, CancellationToken cancellationToken)
    {
        var companions = Companions(file);
        var before = Snapshot(file, companions);
        if (before is null || !IsSettled(file, companions))
        {
            summary.Waiting++;
            return;
        }

        string hash;
        IReadOnlyList<byte[]>? payloads = null;
        string? rejection = null;
        try
        {
            hash = await HashAsync([file, .. companions], cancellationToken).ConfigureAwait(false);
            try
            {
                payloads = ImportFileReader.Read(file);
            }
            catch (InvalidDataException ex)
            {
                rejection = ex.Message;
            }
        }
        catch (IOException)
        {
            // Taken by a writer again, or gone: the next sweep decides.
            summary.Waiting++;
            return;
        }

        if (Snapshot(file, companions) != before)
        {
            summary.Waiting++; // written to while it was read: what was read may be half of it
            return;
        }

        if (rejection is not null)
        {
            Move(folder, RejectedFolder, file, companions, rejection);
            summary.Rejected++;
            LogRejected(logger, Path.GetFileName(file), rejection);
            return;
        }

        var channel = ChannelOf(file, hash);
        if (!await recorder.HasChannelAsync(channel, cancellationToken).ConfigureAwait(false))
        {
            // Committed to disk before the file moves: a crash between the two is resolved by the check above.
            var ids = await pipeline.AcceptAsync(channel, payloads!, cancellationToken).ConfigureAwait(false);
            summary.Items += ids.Count;
        }

        Move(folder, ProcessedFolder, file, companions, reason: null);
        summary.Processed++;
    }

    private static bool IsCandidate(string file)
    {
        var name = Path.GetFileName(file);
        return !name.StartsWith('.')
            && !name.EndsWith(ImportFileReader.SidecarSuffix, StringComparison.OrdinalIgnoreCase)
            && !InProgressExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
    }

    // A .txt article travels with its .meta.json sidecar.
    private static string[] Companions(string file)
    {
        if (!string.Equals(Path.GetExtension(file), ".txt", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var sidecar = ArticleSidecar.PathFor(file);
        return File.Exists(sidecar) ? [sidecar] : [];
    }

    private static string? Snapshot(string file, string[] companions)
    {
        try
        {
            return string.Join('|', new[] { file }.Concat(companions).Select(path =>
            {
                var info = new FileInfo(path);
                return info.Exists
                    ? string.Create(CultureInfo.InvariantCulture, $"{info.Length}@{info.LastWriteTimeUtc.Ticks}")
                    : throw new FileNotFoundException(null, path);
            }));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Unmodified for the settle time and not held open by a writer that locks it.</summary>
    private bool IsSettled(string file, string[] companions)
    {
        var now = clock.GetUtcNow();
        foreach (var path in new[] { file }.Concat(companions))
        {
            if (now - File.GetLastWriteTimeUtc(path) < options.Value.DropFolderSettleTime)
            {
                return false;
            }

            try
            {
                using var exclusive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<string> HashAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            sha.AppendData(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    // The file first, then its sidecar, under one free stem so the pair stays a pair.
    private void Move(string folder, string target, string file, string[] companions, string? reason)
    {
        var destination = Directory.CreateDirectory(Path.Combine(folder, target)).FullName;
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var free = stem;
        for (var attempt = 1; Taken(destination, free + extension, companions.Length > 0 ? free + ImportFileReader.SidecarSuffix : null, reason is not null); attempt++)
        {
            free = string.Create(CultureInfo.InvariantCulture, $"{stem}.{clock.GetUtcNow():yyyyMMddTHHmmss}-{attempt}");
        }

        var moved = Path.Combine(destination, free + extension);
        File.Move(file, moved);
        foreach (var companion in companions)
        {
            File.Move(companion, Path.Combine(destination, free + ImportFileReader.SidecarSuffix));
        }

        if (reason is not null)
        {
            File.WriteAllText(moved + ReasonSuffix, reason + Environment.NewLine);
        }
    }

    private static bool Taken(string destination, string name, string? sidecar, bool withReason) =>
        File.Exists(Path.Combine(destination, name))
        || (sidecar is not null && File.Exists(Path.Combine(destination, sidecar)))
        || (withReason && File.Exists(Path.Combine(destination, name + ReasonSuffix)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Drop folder: {Processed} file(s) taken with {Items} item(s), {Rejected} rejected, {Waiting} still being written")]
    private static partial void LogSwept(ILogger logger, int processed, int items, int rejected, int waiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drop folder: {File} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string file, string reason);
}

/// <summary>What one sweep of the drop folder did.</summary>
public sealed class DropSweepSummary
{
    /// <summary>Files recorded in the inbox (or found recorded already) and moved to processed/.</summary>
    public int Processed { get; set; }

    /// <summary>Items recorded in the inbox from those files.</summary>
    public int Items { get; set; }

    /// <summary>Files moved to rejected/ with a reason.</summary>
    public int Rejected { get; set; }

    /// <summary>Files left for a later sweep: still being written, or locked.</summary>
    public int Waiting { get; set; }
}

/// <summary>The drop folder's full path, or null when it is turned off.</summary>
public sealed record DropFolderLocation(string? FullPath)
{
    public static DropFolderLocation Resolve(string? configured, string contentRoot) =>
        new(string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured, contentRoot));
}

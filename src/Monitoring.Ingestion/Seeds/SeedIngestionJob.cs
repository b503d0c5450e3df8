using System.Security.Cryptography;
using Hangfire;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Import;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.Seeds;

/// <summary>
/// Hands every article shipped in the seeds folder to the <see cref="IngestionPipeline"/>, a channel like any other:
/// each seed file is read as <c>monitoring import</c> reads it and recorded in the inbox under a channel named by
/// its content, so the demo corpus is normalised, checked against the known-article register, placed in stories,
/// enriched, indexed and scanned by alerts exactly as pushed or polled articles are. Re-entrant: a file whose
/// content was recorded before is not recorded again, so later starts only take in seeds added or changed since.
/// </summary>
public sealed partial class SeedIngestionJob(
    IngestionPipeline pipeline,
    InboxRecorder recorder,
    SeedsLocation seeds,
    ILogger<SeedIngestionJob> logger)
{
    /// <summary>Records the seeds the inbox does not hold yet; the returned summary is also logged.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<SeedIngestionSummary> RunAsync(CancellationToken cancellationToken)
    {
        var read = 0;
        var recorded = 0;
        foreach (var file in SeedFolder.ArticleFiles(seeds.FullPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var records = ImportFileReader.Read(file);
            read += records.Count;
            var channel = ChannelOf(Path.GetRelativePath(seeds.FullPath, file), records);
            if (await recorder.HasChannelAsync(channel, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await pipeline.AcceptAsync(channel, records, cancellationToken).ConfigureAwait(false);
            recorded += records.Count;
        }

        var summary = new SeedIngestionSummary(read, recorded);
        LogRecorded(logger, seeds.FullPath, summary.Read, summary.Recorded, summary.Known);
        return summary;
    }

    /// <summary>
    /// "seed:&lt;hash&gt;:&lt;relative path&gt;", the hash over the file's records (a .txt's sidecar included), so an
    /// edited seed file is a new channel and an unchanged one is recognised.
    /// </summary>
    public static string ChannelOf(string relativePath, IReadOnlyList<byte[]> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var record in records)
        {
            hash.AppendData(record);
            hash.AppendData("\n"u8);
        }

        var channel = $"seed:{Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}:{relativePath.Replace('\\', '/')}";
        return channel.Length <= 200 ? channel : channel[..200];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds from {Folder}: {Read} read, {Recorded} handed to the pipeline, {Known} recorded before")]
    private static partial void LogRecorded(ILogger logger, string folder, int read, int recorded, int known);
}

/// <param name="Read">Records found in the seeds folder.</param>
/// <param name="Recorded">Records this run handed to the pipeline (their files were not recorded before).</param>
public sealed record SeedIngestionSummary(int Read, int Recorded)
{
    public int Known => Read - Recorded;
}

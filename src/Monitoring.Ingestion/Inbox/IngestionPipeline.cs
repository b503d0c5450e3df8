using Hangfire;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// The one way in for articles, whatever the channel: the push API, feed polls (with the pages they fetch), the
/// drop folder, <c>monitoring import</c> and the shipped seeds. Each item is committed to the inbox as the sender's
/// record (raw JSON, or what a file or feed item was read into) before anything is acknowledged; then
/// <see cref="InboxProcessingJob"/> normalises it, checks it against the known-article register, places it in a
/// story, enriches and indexes it, and the alert scan follows. Nothing reaches the index another way. A process
/// without a job client (the command line) only records, and runs the processing itself.
/// </summary>
public sealed class IngestionPipeline(InboxRecorder recorder, IBackgroundJobClient? jobs = null)
{
    /// <summary>Records the items in one transaction and enqueues their processing.</summary>
    /// <param name="channel">Where they came from: "api", "feed:&lt;source&gt;", "drop:…", "import:…", "seed:…".</param>
    /// <param name="records">Each item's UTF-8 JSON as received (invalid ones are quarantined with their reason).</param>
    /// <returns>The inbox ids, in the order of <paramref name="records"/>.</returns>
    public async Task<IReadOnlyList<long>> AcceptAsync(string channel, IReadOnlyList<byte[]> records, CancellationToken cancellationToken = default)
    {
        var ids = await recorder.RecordAsync(channel, records, cancellationToken).ConfigureAwait(false);
        if (ids.Count > 0)
        {
            EnqueueProcessing(ids[0], ids[^1]);
        }

        return ids;
    }

    /// <inheritdoc cref="AcceptAsync(string, IReadOnlyList{byte[]}, CancellationToken)"/>
    public Task<IReadOnlyList<long>> AcceptAsync(string channel, IEnumerable<IncomingArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return AcceptAsync(channel, articles.Select(article => article.ToUtf8Json()).ToList(), cancellationToken);
    }

    /// <summary>
    /// Records the items without enqueueing anything, for a caller that runs <see cref="InboxProcessingJob"/> itself
    /// (<c>monitoring import</c> on data no app holds) or whose items a running app's sweep picks up.
    /// </summary>
    public Task<IReadOnlyList<long>> RecordAsync(string channel, IReadOnlyList<byte[]> records, CancellationToken cancellationToken = default) =>
        recorder.RecordAsync(channel, records, cancellationToken);

    /// <summary>
    /// One item as the pipeline records it, for a caller that commits it in a transaction of its own together with
    /// rows that point at it (a feed poll's per-source item records), then calls <see cref="EnqueueProcessing"/>.
    /// </summary>
    public static InboxItem ItemFor(string channel, IncomingArticle article, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(article);
        return InboxRecorder.NewItem(channel, article.ToUtf8Json(), receivedAt);
    }

    /// <summary>
    /// Enqueues the processing of items already committed. Should this enqueue be lost (a crash right before it),
    /// the periodic sweep picks the items up.
    /// </summary>
    public void EnqueueProcessing(long firstId, long lastId)
    {
        if (jobs is null)
        {
            throw new InvalidOperationException("This process has no job client: record the items and run InboxProcessingJob itself.");
        }

        jobs.Enqueue<InboxProcessingJob>(job => job.ProcessAsync(firstId, lastId, CancellationToken.None));
    }
}

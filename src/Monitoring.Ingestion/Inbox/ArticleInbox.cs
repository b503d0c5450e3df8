using Hangfire;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Where every channel hands in items. An item is committed to disk before <c>AcceptAsync</c>
/// returns, so a caller may acknowledge it; processing happens later in <see cref="InboxProcessingJob"/>.
/// </summary>
public sealed class ArticleInbox(InboxRecorder recorder, IBackgroundJobClient jobs)
{
    /// <summary>Stores the items in one transaction and enqueues their processing.</summary>
    /// <returns>The inbox ids, in the order of <paramref name="payloads"/>.</returns>
    public async Task<IReadOnlyList<long>> AcceptAsync(string channel, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken = default)
    {
        var ids = await recorder.RecordAsync(channel, payloads, cancellationToken).ConfigureAwait(false);
        if (ids.Count > 0)
        {
            EnqueueProcessing(ids[0], ids[^1]);
        }

        return ids;
    }

    /// <summary>
    /// Enqueues the processing of items a caller committed itself (in a transaction of its own). Should this
    /// enqueue be lost (a crash right before it), the periodic sweep picks the items up.
    /// </summary>
    public void EnqueueProcessing(long firstId, long lastId) =>
        jobs.Enqueue<InboxProcessingJob>(job => job.ProcessAsync(firstId, lastId, CancellationToken.None));

    public Task<IReadOnlyList<long>> AcceptAsync(string channel, IEnumerable<IncomingArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return AcceptAsync(channel, articles.Select(article => article.ToUtf8Json()).ToList(), cancellationToken);
    }
}

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Where every channel hands in items. An item is committed to disk before <c>AcceptAsync</c>
/// returns, so a caller may acknowledge it; processing happens later in <see cref="InboxProcessingJob"/>.
/// </summary>
public sealed class ArticleInbox(IDbContextFactory<IngestionDbContext> store, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>Stores the items in one transaction and enqueues their processing.</summary>
    /// <returns>The inbox ids, in the order of <paramref name="payloads"/>.</returns>
    public async Task<IReadOnlyList<long>> AcceptAsync(string channel, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(payloads);
        if (payloads.Count == 0)
        {
            return [];
        }

        var receivedAt = clock.GetUtcNow();
        var items = payloads
            .Select(payload => new InboxItem { Channel = channel, Payload = payload, ReceivedAt = receivedAt, State = InboxItemState.Pending })
            .ToList();
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.InboxItems.AddRange(items);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        // Should this enqueue be lost (crash right here), the periodic sweep picks the items up.
        var first = items[0].Id;
        var last = items[^1].Id;
        jobs.Enqueue<InboxProcessingJob>(job => job.ProcessAsync(first, last, CancellationToken.None));
        return items.Select(item => item.Id).ToList();
    }

    public Task<IReadOnlyList<long>> AcceptAsync(string channel, IEnumerable<IncomingArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return AcceptAsync(channel, articles.Select(article => article.ToUtf8Json()).ToList(), cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// The articles that became searchable, in the order the inbox settled them, each at a position a reader keeps
/// (the alert scan stores its own, beside what it recorded). Other projects read ingestion's progress here, never
/// its database.
/// </summary>
public sealed class IndexedArticleLog(IDbContextFactory<IngestionDbContext> store)
{
    /// <summary>
    /// What was settled after <paramref name="position"/>, at most <paramref name="max"/> inbox items, stopping
    /// before the first item still pending (it may yet become an article, and nothing past it is read until it is
    /// settled); null when nothing new is settled.
    /// </summary>
    public async Task<IndexedArticles?> ReadAfterAsync(long position, int max, CancellationToken cancellationToken)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var firstPending = await db.InboxItems
                .Where(item => item.State == InboxItemState.Pending && item.Id > position)
                .Select(item => (long?)item.Id)
                .MinAsync(cancellationToken).ConfigureAwait(false) ?? long.MaxValue;
            var items = await db.InboxItems.AsNoTracking()
                .Where(item => item.Id > position && item.Id < firstPending)
                .OrderBy(item => item.Id)
                .Take(max)
                .Select(item => new { item.Id, item.State, item.ArticleId, item.ProcessedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                return null;
            }

            var articles = items
                .Where(item => item.State == InboxItemState.Indexed && item.ArticleId is not null)
                .Select(item => new IndexedArticle(ArticleId.Parse(item.ArticleId!), item.ProcessedAt))
                .ToList();
            return new IndexedArticles(items[^1].Id, articles);
        }
    }
}

/// <summary>The articles indexed in one stretch of the log, and the position after it.</summary>
/// <param name="Position">Where the next read starts (the last settled item read, indexed or not).</param>
public sealed record IndexedArticles(long Position, IReadOnlyList<IndexedArticle> Articles);

/// <summary>One article that became searchable, and when (null for items settled before that was recorded).</summary>
public sealed record IndexedArticle(ArticleId Id, DateTimeOffset? IndexedAt);

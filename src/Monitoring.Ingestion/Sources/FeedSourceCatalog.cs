using Hangfire;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Sources;

/// <summary>What editors do with sources: list, add (validated), pause, resume, remove, poll now.</summary>
public sealed class FeedSourceCatalog(
    IDbContextFactory<IngestionDbContext> store,
    IBackgroundJobClient jobs,
    DestinationGuard destinations,
    TimeProvider clock)
{
    /// <summary>Every source, by name.</summary>
    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var sources = await db.FeedSources.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return sources.OrderBy(source => source.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(source => source.Id).ToList();
        }
    }

    /// <summary>
    /// Adds the source, enabled and due at the next dispatch, unless the draft is invalid, its URL is taken, or the
    /// outbound rules would refuse every request to it (a loopback or private address not in the allow-list). A draft
    /// without a URL is an outlet whose articles arrive another way: never polled, it gives them its outlet data.
    /// </summary>
    public async Task<AddSourceResult> AddAsync(NewFeedSource draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = draft.Validate().ToList();
        if (errors.Count > 0)
        {
            return new AddSourceResult(null, errors);
        }

        var url = string.IsNullOrWhiteSpace(draft.Url) ? null : new Uri(draft.Url.Trim()).AbsoluteUri;
        if (url is not null && await destinations.RefusalOfAsync(new Uri(url), cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new AddSourceResult(null, [new FieldError("url", "would never be fetched: " + refusal)]);
        }

        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var existing = url is null ? null : await db.FeedSources.AsNoTracking().FirstOrDefaultAsync(source => source.Url == url, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return new AddSourceResult(null, [new FieldError("url", $"is already followed as \"{existing.Name}\"")]);
            }

            var source = draft.ToSource(clock.GetUtcNow());
            db.FeedSources.Add(source);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new AddSourceResult(source, []);
        }
    }

    /// <summary>Pauses (the dispatcher skips it) or resumes (due at the next dispatch) a source.</summary>
    /// <returns>False when no such source exists.</returns>
    public async Task<bool> SetEnabledAsync(int sourceId, bool enabled, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var source = await db.FeedSources.FindAsync([sourceId], cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                return false;
            }

            source.Enabled = enabled;
            source.NextDueAt = null;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// Removes the source, its item records and its group memberships; the articles it delivered stay searchable, and
    /// lose its outlet data through a re-tag (unless another source of the same name remains).
    /// </summary>
    public async Task<bool> RemoveAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var name = await db.FeedSources.Where(source => source.Id == sourceId).Select(source => source.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            await db.FeedItemRecords.Where(record => record.SourceId == sourceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.OutletGroupMembers.Where(member => member.SourceId == sourceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var removed = await db.FeedSources.Where(source => source.Id == sourceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
            if (removed && name is not null)
            {
                string[] names = [name];
                jobs.Enqueue<OutletRetagJob>(job => job.RetagAsync(names, CancellationToken.None));
            }

            return removed;
        }
    }

    /// <summary>Enqueues a poll of the source now, paused or not, and holds off the dispatcher for one interval.</summary>
    public async Task<bool> PollNowAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var source = await db.FeedSources.FindAsync([sourceId], cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                return false;
            }

            source.NextDueAt = clock.GetUtcNow() + source.PollInterval;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        jobs.Enqueue<FeedPollJob>(job => job.PollAsync(sourceId, CancellationToken.None));
        return true;
    }
}

/// <summary>The added source, or what is wrong with the draft, field by field.</summary>
public sealed record AddSourceResult(FeedSource? Source, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Source is not null;
}

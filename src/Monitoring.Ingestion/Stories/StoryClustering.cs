using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Stories;

/// <summary>
/// Puts near-duplicates (wire copies carried by several outlets, a story re-sent with a corrected word)
/// into one story: an article whose estimated shingle similarity to an earlier one reaches
/// <see cref="SimilarityThreshold"/> joins that article's story, whose id is the id of its first article.
/// Exact duplicates never get here: deduplication has made them one article already.
/// </summary>
public static class StoryClustering
{
    /// <summary>
    /// Estimated Jaccard similarity of 3-word shingles from which two articles are one story. Measured on
    /// Reuters-21578 (docs/ingestion.md): above it, pairs are the same report re-sent or reworded.
    /// </summary>
    public const double SimilarityThreshold = 0.5;

    /// <summary>
    /// The story of each article, in order (null: a story of its own), comparing with every member the
    /// store knows, with <paramref name="uncommitted"/> (members placed by a batch still being written) and with the
    /// articles before it in the list. Nothing is written: the new members and their bands are returned, for the
    /// caller to commit with the articles through <see cref="WriteAsync"/>.
    /// </summary>
    public static async Task<StoryPlacement> AssignAsync(
        IngestionDbContext db,
        IReadOnlyList<Article> articles,
        CancellationToken cancellationToken,
        UncommittedStories? uncommitted = null,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(articles);
        // Shingling and hashing are independent per article: spread over the cores (at most maxDegreeOfParallelism; -1, all).
        var signatures = articles.AsParallel().AsOrdered().WithDegreeOfParallelism(maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount).WithCancellation(cancellationToken)
            .Select(StorySignature.Of)
            .ToList();
        var bands = signatures.Select(signature => signature.IsComparable ? signature.BandKeys() : []).ToList();
        var keys = bands.SelectMany(keys => keys).Distinct().ToList();

        var candidatesByBand = new Dictionary<long, List<string>>();
        var members = new Dictionary<string, (string StoryId, StorySignature Signature)>(StringComparer.Ordinal);
        if (keys.Count > 0)
        {
            // One array parameter (json_each on SQLite, = ANY on PostgreSQL), not one parameter per key: a batch has
            // ~16,000 keys, and a statement that long costs more to build and parse than to run.
            var stored = await db.StoryBands.AsNoTracking()
                .Where(band => EF.Parameter(keys).Contains(band.BandKey))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var band in stored)
            {
                AddCandidate(candidatesByBand, band.BandKey, band.ArticleId);
            }

            var ids = stored.Select(band => band.ArticleId).Distinct().ToList();
            var loaded = ids.Count == 0 ? [] : await db.StoryMembers.AsNoTracking()
                .Where(member => EF.Parameter(ids).Contains(member.ArticleId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var member in loaded)
            {
                members[member.ArticleId] = (member.StoryId, StorySignature.FromBytes(member.Signature));
            }

            var wanted = keys.ToHashSet();
            foreach (var band in uncommitted?.Bands ?? [])
            {
                if (wanted.Contains(band.BandKey))
                {
                    AddCandidate(candidatesByBand, band.BandKey, band.ArticleId);
                }
            }

            foreach (var member in uncommitted?.Members ?? [])
            {
                members[member.ArticleId] = (member.StoryId, StorySignature.FromBytes(member.Signature));
            }
        }

        var stories = new ArticleId?[articles.Count];
        var placed = new UncommittedStories([], []);
        for (var i = 0; i < articles.Count; i++)
        {
            if (!signatures[i].IsComparable)
            {
                continue;
            }

            var id = articles[i].Id.Value;
            if (members.TryGetValue(id, out var known))
            {
                // A rerun over an article the store placed already: its story does not move.
                stories[i] = known.StoryId == id ? null : ArticleId.Parse(known.StoryId);
                continue;
            }

            var best = bands[i]
                .SelectMany(key => candidatesByBand.TryGetValue(key, out var list) ? list : [])
                .Distinct(StringComparer.Ordinal)
                .Where(candidate => candidate != id && members.ContainsKey(candidate))
                .Select(candidate => (members[candidate].StoryId, Similarity: signatures[i].Similarity(members[candidate].Signature)))
                .Where(match => match.Similarity >= SimilarityThreshold)
                .OrderByDescending(match => match.Similarity)
                .ThenBy(match => match.StoryId, StringComparer.Ordinal)
                .FirstOrDefault();
            var storyId = best.StoryId ?? id;
            stories[i] = best.StoryId is null ? null : ArticleId.Parse(storyId);

            members[id] = (storyId, signatures[i]);
            placed.Members.Add(new StoryMember { ArticleId = id, StoryId = storyId, Signature = signatures[i].ToBytes() });
            foreach (var key in bands[i].Distinct())
            {
                placed.Bands.Add(new StoryBand { BandKey = key, ArticleId = id });
                AddCandidate(candidatesByBand, key, id);
            }
        }

        return new StoryPlacement(stories, placed);
    }

    /// <summary>Writes the members and bands of <paramref name="placed"/> in the context's current transaction, untracked.</summary>
    public static async Task WriteAsync(IngestionDbContext db, UncommittedStories placed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placed);
        await BulkRows.InsertAsRowsValueAsync(db, placed.Members, cancellationToken).ConfigureAwait(false);
        // In key order: each page of the band table is then visited once, left to right, rather than at random.
        await BulkRows.InsertAsRowsValueAsync(db, placed.Bands.OrderBy(band => band.BandKey).ThenBy(band => band.ArticleId, StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
    }

    private static void AddCandidate(Dictionary<long, List<string>> candidates, long key, string articleId)
    {
        if (!candidates.TryGetValue(key, out var list))
        {
            list = [];
            candidates[key] = list;
        }

        list.Add(articleId);
    }
}

/// <summary>Story members and bands placed by a batch whose transaction has not committed yet.</summary>
public sealed record UncommittedStories(List<StoryMember> Members, List<StoryBand> Bands);

/// <summary>What <see cref="StoryClustering.AssignAsync"/> decided: each article's story, and the rows that record it.</summary>
public sealed record StoryPlacement(IReadOnlyList<ArticleId?> Stories, UncommittedStories Placed);

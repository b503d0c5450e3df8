using System.Globalization;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Benchmarks;

/// <summary>
/// The Reuters-21578 stories (../shared/data/reuters21578, 26 Feb – 7 Apr 1987) as articles, and a replay of them
/// to any size: copy k of the collection has every date moved forward by k strides of the collection's own span
/// (so copies follow one another without overlapping) from 4 January 2016, and new ids. Texts are repeated as they
/// are, so term statistics are the collection's multiplied, not those of a million different stories.
/// </summary>
internal static class ReutersReplay
{
    /// <summary>Where copy 0 starts: the collection's first day is moved here.</summary>
    public static readonly DateTimeOffset Anchor = new(2016, 1, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The ingest time given to the few stories whose DATE does not parse: inside the collection's own span, so
    /// that they are replayed with it (an ingest time of today would stretch the span, and with it the stride, to decades).
    /// </summary>
    public static readonly DateTimeOffset UndatedIngestedAt = new(1987, 3, 15, 12, 0, 0, TimeSpan.Zero);

    public static string Folder => Path.Combine(RepositoryPaths.Corpora, "reuters21578");

    /// <summary>
    /// The stories with a title and a body (those the import accepts), one per id: 12,3xx of the 14,000 in
    /// reut2-000 … reut2-013.
    /// </summary>
    public static List<Article> ReadArticles()
    {
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"The Reuters-21578 corpus is not at {Folder} (set MONITORING_CORPORA).");
        }

        return ReutersSgmlReader.ReadFolder(Folder)
            .Where(story => !string.IsNullOrWhiteSpace(story.Title) && !string.IsNullOrWhiteSpace(story.Body))
            .Select(story => story.ToArticle(story.Date ?? UndatedIngestedAt))
            .DistinctBy(article => article.Id)
            .ToList();
    }

    /// <summary>The first <paramref name="count"/> articles of the replay of the enriched collection.</summary>
    public static IEnumerable<EnrichedArticle> Replay(IReadOnlyList<EnrichedArticle> collection, int count)
    {
        var first = collection.Min(article => article.Article.EffectiveDate);
        var last = collection.Max(article => article.Article.EffectiveDate);
        var stride = TimeSpan.FromDays(Math.Ceiling((last - first).TotalDays) + 1);
        var start = Anchor - first.UtcDateTime.Date;
        for (var i = 0; i < count; i++)
        {
            var copy = i / collection.Count;
            yield return Shift(collection[i % collection.Count], copy, start + (stride * copy));
        }
    }

    private static EnrichedArticle Shift(EnrichedArticle enriched, int copy, TimeSpan shift)
    {
        var article = enriched.Article;
        var published = article.Published + shift;
        return enriched with
        {
            Article = article with
            {
                Id = copy == 0 ? article.Id : ArticleId.ForContent(article.Source, article.Title, article.Body + "\u001f" + copy.ToString(CultureInfo.InvariantCulture)),
                Published = published,
                IngestedAt = (published ?? article.IngestedAt + shift) + TimeSpan.FromMinutes(10),
            },
        };
    }
}

using Monitoring.Core.Search;
using Monitoring.Web.Components;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// Hits of one story (the same wire copy carried by several outlets): the first hit in rank order leads,
/// the others are listed under it as the other outlets.
/// </summary>
public sealed record StoryGroup(string StoryKey, SearchHit Lead, IReadOnlyList<SearchHit> Others)
{
    public int Count => 1 + Others.Count;

    /// <summary>
    /// Groups a page of hits by story (<c>Article.StoryId</c>, or the article's own id when it starts a
    /// story), keeping rank order: each group sits where its best hit was.
    /// </summary>
    public static IReadOnlyList<StoryGroup> Group(IEnumerable<SearchHit> hits)
    {
        var order = new List<string>();
        var members = new Dictionary<string, List<SearchHit>>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            var key = (hit.Article.Article.StoryId ?? hit.Article.Id).Value;
            if (!members.TryGetValue(key, out var list))
            {
                members[key] = list = [];
                order.Add(key);
            }

            list.Add(hit);
        }

        return [.. order.Select(key => new StoryGroup(key, members[key][0], members[key].Skip(1).ToArray()))];
    }

    /// <summary>
    /// "12 stories from 7 outlets" over every matching article (<c>SearchResult.DistinctStories</c> and
    /// <c>DistinctSources</c>); null when nothing matches.
    /// </summary>
    public static string? Summary(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Total == 0
            ? null
            : $"{Counted.Of(result.DistinctStories, "story", "stories")} from {Counted.Of(result.DistinctSources, "outlet", "outlets")}";
    }
}

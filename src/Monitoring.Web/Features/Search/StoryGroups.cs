using Monitoring.Core.Search;

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

    /// <summary>"12 stories from 7 outlets" for a page of groups; null when no story has more than one article.</summary>
    public static string? Summary(IReadOnlyList<StoryGroup> groups)
    {
        if (groups.All(group => group.Others.Count == 0))
        {
            return null;
        }

        var outlets = groups
            .SelectMany(group => group.Others.Prepend(group.Lead))
            .Select(hit => hit.Article.Article.Source)
            .Distinct(StringComparer.Ordinal)
            .Count();
        return $"{Plural(groups.Count, "story", "stories")} from {Plural(outlets, "outlet", "outlets")}";
    }

    private static string Plural(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:N0} {many}");
}

namespace Monitoring.Core.Articles;

/// <summary>
/// The outlet groups an editor has made, by the ids articles are indexed with and URLs carry ("3"), for labels:
/// people read "Serbia — national", never "group 3". An id with no group (deleted since, or a hand-edited link)
/// reads "unknown group 3".
/// </summary>
public sealed class OutletGroupNames
{
    private readonly Dictionary<string, string> _byId;

    /// <param name="groups">Every group as (id, name), in the order lists show them.</param>
    public OutletGroupNames(IEnumerable<(string Id, string Name)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = [.. groups];
        _byId = Groups.DistinctBy(group => group.Id, StringComparer.Ordinal).ToDictionary(group => group.Id, group => group.Name, StringComparer.Ordinal);
    }

    /// <summary>No groups known: every id reads as unknown.</summary>
    public static OutletGroupNames None { get; } = new([]);

    public IReadOnlyList<(string Id, string Name)> Groups { get; }

    public bool Knows(string id) => _byId.ContainsKey(id);

    /// <summary>The group's name, or "unknown group 13" when there is no group with this id.</summary>
    public string Label(string id) => _byId.TryGetValue(id, out var name) ? name : $"unknown group {id}";

    /// <summary>A filter's label among others: "outlet group Serbia — national", or "unknown outlet group 13".</summary>
    public string FilterLabel(string id) => Knows(id) ? "outlet group " + Label(id) : "unknown outlet group " + id;
}

using System.Text.Json.Serialization;

namespace Monitoring.Core.Articles;

/// <summary>
/// Who published an article, as the sources store describes the outlet when the article is ingested: its country,
/// its kind and the outlet groups it belongs to. Distinct from the countries an article is <em>about</em>
/// (its country tags). Set by the ingestion pipeline from the source's name; null when the source is not in the store.
/// </summary>
public sealed record ArticleOutlet
{
    /// <summary>ISO 3166 alpha-2 code of the outlet's country (XK for Kosovo), upper-case; null when not known.</summary>
    public string? Country { get; init; }

    public OutletKind? Kind { get; init; }

    /// <summary>Ids of the outlet groups the source belongs to, as text ("3"), ascending.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>True when the outlet carries nothing to index (no country, kind or group).</summary>
    [JsonIgnore]
    public bool IsEmpty => Country is null && Kind is null && Groups.Count == 0;
}

/// <summary>What kind of outlet a source is. Indexed and filtered by <see cref="OutletKinds.Key"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutletKind>))]
public enum OutletKind
{
    PublicBroadcaster,
    Private,
    StateOwned,
    InternationalService,
    Agency,
    Portal,
}

/// <summary>The stable keys (URL, index, exports) and the labels of <see cref="OutletKind"/>.</summary>
public static class OutletKinds
{
    public static IReadOnlyList<OutletKind> All { get; } = Enum.GetValues<OutletKind>();

    /// <summary>The key as indexed and written in URLs: "public-broadcaster", "state-owned" …</summary>
    public static string Key(this OutletKind kind) => kind switch
    {
        OutletKind.PublicBroadcaster => "public-broadcaster",
        OutletKind.Private => "private",
        OutletKind.StateOwned => "state-owned",
        OutletKind.InternationalService => "international-service",
        OutletKind.Agency => "agency",
        OutletKind.Portal => "portal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(this OutletKind kind) => kind switch
    {
        OutletKind.PublicBroadcaster => "Public broadcaster",
        OutletKind.Private => "Private",
        OutletKind.StateOwned => "State-owned",
        OutletKind.InternationalService => "International service",
        OutletKind.Agency => "Agency",
        OutletKind.Portal => "Portal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind of a key or a label, any case ("state-owned", "State-owned", "StateOwned").</summary>
    public static bool TryParse(string? text, out OutletKind kind)
    {
        var trimmed = text?.Trim() ?? "";
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Key(), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.Label(), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The label of an indexed key, else the key itself (a facet value from an index written by a newer version).</summary>
    public static string LabelOfKey(string key) => TryParse(key, out var kind) ? kind.Label() : key;
}

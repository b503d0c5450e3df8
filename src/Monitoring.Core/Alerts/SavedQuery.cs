using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Core.Search;

namespace Monitoring.Core.Alerts;

/// <summary>
/// What an alert keeps of a search: the text and the filters. Not the date range (an alert is about
/// articles still to come), nor paging, sort or time zone.
/// </summary>
public sealed record SavedQuery
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Text { get; init; }

    public IReadOnlyList<string> Countries { get; init; } = [];

    public CountryMode CountryMode { get; init; } = CountryMode.Mentioned;

    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>See <c>ArticleQuery.OutletCountries</c>: where the outlet is based, not what the article is about.</summary>
    public IReadOnlyList<string> OutletCountries { get; init; } = [];

    /// <summary>Outlet kinds as <c>OutletKinds.Key</c> values.</summary>
    public IReadOnlyList<string> OutletKinds { get; init; } = [];

    /// <summary>Outlet group ids; alerts saved before outlet groups existed have none.</summary>
    public IReadOnlyList<string> OutletGroups { get; init; } = [];

    public double? MinTension { get; init; }

    public double? MaxTension { get; init; }

    /// <summary>See <c>ArticleQuery.ExpandNames</c>; alerts saved before it existed expand names, as searches do.</summary>
    public bool ExpandNames { get; init; } = true;

    public static SavedQuery From(ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new SavedQuery
        {
            Text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim(),
            Countries = query.Countries,
            CountryMode = query.CountryMode,
            Topics = query.Topics,
            People = query.People,
            Sources = query.Sources,
            Languages = query.Languages,
            OutletCountries = query.OutletCountries,
            OutletKinds = query.OutletKinds,
            OutletGroups = query.OutletGroups,
            MinTension = query.MinTension,
            MaxTension = query.MaxTension,
            ExpandNames = query.ExpandNames,
        };
    }

    /// <exception cref="JsonException">The text is not a saved query.</exception>
    public static SavedQuery FromJson(string json) =>
        JsonSerializer.Deserialize<SavedQuery>(json, Json) ?? throw new JsonException("A saved query cannot be null.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The search this alert stands for, newest first, optionally limited to a date range.</summary>
    public ArticleQuery ToArticleQuery() => new()
    {
        Text = Text,
        Countries = Countries,
        CountryMode = CountryMode,
        Topics = Topics,
        People = People,
        Sources = Sources,
        Languages = Languages,
        OutletCountries = OutletCountries,
        OutletKinds = OutletKinds,
        OutletGroups = OutletGroups,
        MinTension = MinTension,
        MaxTension = MaxTension,
        ExpandNames = ExpandNames,
        Sort = SearchSort.Newest,
    };

    // Records compare lists by reference; a saved query is equal by content.
    public bool Equals(SavedQuery? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}

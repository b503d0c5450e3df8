using System.Globalization;
using Monitoring.Core.Articles;

namespace Monitoring.Core.Search;

/// <summary>
/// Everything that decides what the search page shows, as it is written in the URL: the page and the
/// export endpoints read the same parameters, so a link (or an export) reproduces the view. Values at
/// their default are left out of the URL. Alert messages link to the search page with it too, which is why it
/// lives here rather than in the web app.
/// </summary>
public sealed record SearchState
{
    public const int PageSize = 20;

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The value of <c>names=</c> that searches typed names only as typed.</summary>
    public const string ExactNames = "exact";

    /// <summary>The URL parameters, in the order they are written.</summary>
    public static class Keys
    {
        public const string Text = "q";
        public const string Country = "country";
        public const string CountryMode = "countries";
        public const string Topic = "topic";
        public const string Source = "source";
        public const string Language = "language";
        public const string Person = "person";
        public const string OutletCountry = "outlet_country";
        public const string OutletKind = "outlet_kind";
        public const string OutletGroup = "outlet_group";
        public const string From = "from";
        public const string To = "to";
        public const string TimeZone = "tz";
        public const string DateBasis = "basis";
        public const string MinTension = "tmin";
        public const string MaxTension = "tmax";
        public const string Story = "story";
        public const string Sort = "sort";
        public const string Names = "names";
        public const string Page = "page";
        public const string Cursor = "cursor";
    }

    public static SearchState Default { get; } = new();

    public string? Text { get; init; }

    public IReadOnlyList<string> Countries { get; init; } = [];

    public CountryMode CountryMode { get; init; } = CountryMode.Mentioned;

    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>Countries of the outlets, not of what articles are about (<c>ArticleQuery.OutletCountries</c>).</summary>
    public IReadOnlyList<string> OutletCountries { get; init; } = [];

    /// <summary>Outlet kinds as keys ("public-broadcaster").</summary>
    public IReadOnlyList<string> OutletKinds { get; init; } = [];

    /// <summary>Outlet group ids.</summary>
    public IReadOnlyList<string> OutletGroups { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string TimeZone { get; init; } = ArticleQuery.DefaultTimeZone;

    public DateBasis DateBasis { get; init; } = DateBasis.Published;

    public int? MinTension { get; init; }

    public int? MaxTension { get; init; }

    /// <summary>Only the articles of one story (<see cref="ArticleQuery.StoryId"/>).</summary>
    public ArticleId? Story { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>
    /// Whether typed names also find their other names (<see cref="ArticleQuery.ExpandNames"/>); <c>names=exact</c>
    /// in the URL turns it off.
    /// </summary>
    public bool ExpandNames { get; init; } = true;

    /// <summary>1-based page number. Without <see cref="Cursor"/> it decides how many hits are skipped.</summary>
    public int Page { get; init; } = 1;

    /// <summary>
    /// The engine's cursor to this page (the previous page's <c>NextCursor</c>): deep pages are reached
    /// through it rather than by skipping, and <see cref="Page"/> then only numbers the page.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>Whether any filter narrows the search (text aside).</summary>
    public bool HasFilters =>
        Countries.Count + Topics.Count + Sources.Count + Languages.Count + People.Count + OutletCountries.Count + OutletKinds.Count + OutletGroups.Count > 0
        || From is not null || To is not null || MinTension is not null || MaxTension is not null || Story is not null;

    /// <summary>Reads the state from a URL or a relative reference; unknown or malformed values fall back to their default.</summary>
    public static SearchState FromUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return Default;
        }

        var query = uri[question..];
        var hash = query.IndexOf('#', StringComparison.Ordinal);
        return FromQuery(ParseQuery(hash < 0 ? query : query[..hash]));
    }

    /// <summary>Reads the state from parsed query parameters (a request's <c>Query</c>: each key with its values).</summary>
    public static SearchState FromQuery<TValues>(IEnumerable<KeyValuePair<string, TValues>> parameters)
        where TValues : IEnumerable<string?>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = parameters.ToDictionary(pair => pair.Key, pair => pair.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        string? One(string key) => values.TryGetValue(key, out var value) && value is not ([] or [null or ""]) ? value[^1] : null;
        string[] Many(string key) => values.TryGetValue(key, out var value)
            ? [.. value.Where(item => !string.IsNullOrWhiteSpace(item)).Select(item => item!.Trim()).Distinct(StringComparer.Ordinal)]
            : [];

        return new SearchState
        {
            Text = string.IsNullOrWhiteSpace(One(Keys.Text)) ? null : One(Keys.Text)!.Trim(),
            Countries = Many(Keys.Country),
            CountryMode = ParseEnum(One(Keys.CountryMode), CountryMode.Mentioned),
            Topics = Many(Keys.Topic),
            Sources = Many(Keys.Source),
            Languages = Many(Keys.Language),
            People = Many(Keys.Person),
            OutletCountries = Many(Keys.OutletCountry),
            // A kind written as its label or in another case ("Portal") is read as its key, so pickers tick it.
            OutletKinds = [.. Many(Keys.OutletKind).Select(kind => Articles.OutletKinds.TryParse(kind, out var known) ? known.Key() : kind).Distinct(StringComparer.Ordinal)],
            OutletGroups = Many(Keys.OutletGroup),
            From = ParseDate(One(Keys.From)),
            To = ParseDate(One(Keys.To)),
            TimeZone = One(Keys.TimeZone) ?? ArticleQuery.DefaultTimeZone,
            DateBasis = ParseEnum(One(Keys.DateBasis), DateBasis.Published),
            MinTension = ParseTension(One(Keys.MinTension)),
            MaxTension = ParseTension(One(Keys.MaxTension)),
            Story = ArticleId.TryParse(One(Keys.Story), out var story) ? story : null,
            Sort = ParseEnum(One(Keys.Sort), SearchSort.Relevance),
            ExpandNames = !string.Equals(One(Keys.Names), ExactNames, StringComparison.OrdinalIgnoreCase),
            Page = int.TryParse(One(Keys.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1 ? page : 1,
            Cursor = One(Keys.Cursor),
        };
    }

    /// <summary>
    /// Every parameter with its value, null where the value is the default, for
    /// <c>NavigationManager.GetUriWithQueryParameters</c> (which then removes it from the URL).
    /// </summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [Keys.Text] = Text,
        [Keys.Country] = NullIfEmpty(Countries),
        [Keys.CountryMode] = CountryMode == CountryMode.Mentioned ? null : Lower(CountryMode),
        [Keys.Topic] = NullIfEmpty(Topics),
        [Keys.Source] = NullIfEmpty(Sources),
        [Keys.Language] = NullIfEmpty(Languages),
        [Keys.Person] = NullIfEmpty(People),
        [Keys.OutletCountry] = NullIfEmpty(OutletCountries),
        [Keys.OutletKind] = NullIfEmpty(OutletKinds),
        [Keys.OutletGroup] = NullIfEmpty(OutletGroups),
        [Keys.From] = From?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [Keys.To] = To?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [Keys.TimeZone] = TimeZone == ArticleQuery.DefaultTimeZone ? null : TimeZone,
        [Keys.DateBasis] = DateBasis == DateBasis.Published ? null : Lower(DateBasis),
        [Keys.MinTension] = MinTension?.ToString(CultureInfo.InvariantCulture),
        [Keys.MaxTension] = MaxTension?.ToString(CultureInfo.InvariantCulture),
        [Keys.Story] = Story?.Value,
        [Keys.Sort] = Sort == SearchSort.Relevance ? null : Lower(Sort),
        [Keys.Names] = ExpandNames ? null : ExactNames,
        [Keys.Page] = Page <= 1 ? null : Page.ToString(CultureInfo.InvariantCulture),
        [Keys.Cursor] = Cursor,
    };

    /// <summary>The query string ("?q=…&amp;country=RS", or "" for the default state), for links and exports.</summary>
    public string ToQueryString(bool includePaging = true)
    {
        var parts = new List<string>();
        foreach (var (key, value) in ToQueryParameters())
        {
            if (!includePaging && key is Keys.Page or Keys.Cursor)
            {
                continue;
            }

            var items = value switch
            {
                null => [],
                string single => [single],
                IEnumerable<string> many => many,
                _ => [],
            };
            parts.AddRange(items.Select(item => key + "=" + Uri.EscapeDataString(item)));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The engine query for this state's page.</summary>
    public ArticleQuery ToArticleQuery(int pageSize = PageSize) => new()
    {
        Text = Text,
        Countries = Countries,
        CountryMode = CountryMode,
        Topics = Topics,
        Sources = Sources,
        Languages = Languages,
        People = People,
        OutletCountries = OutletCountries,
        OutletKinds = OutletKinds,
        OutletGroups = OutletGroups,
        From = From,
        To = To,
        TimeZone = TimeZone,
        DateBasis = DateBasis,
        MinTension = MinTension,
        MaxTension = MaxTension,
        StoryId = Story,
        Sort = Sort,
        ExpandNames = ExpandNames,
        Skip = Cursor is null ? (Page - 1) * pageSize : 0,
        Take = pageSize,
        Cursor = Cursor,
    };

    /// <summary>The same search from its first page: any change of text, filter or sort starts over.</summary>
    public SearchState FirstPage() => this with { Page = 1, Cursor = null };

    /// <summary>Adds the value to the multi-valued filter named by its URL key, or removes it when present.</summary>
    public SearchState Toggle(string key, string value)
    {
        static IReadOnlyList<string> Flip(IReadOnlyList<string> current, string value) =>
            current.Contains(value, StringComparer.Ordinal) ? [.. current.Where(item => item != value)] : [.. current, value];

        var next = key switch
        {
            Keys.Country => this with { Countries = Flip(Countries, value) },
            Keys.Topic => this with { Topics = Flip(Topics, value) },
            Keys.Source => this with { Sources = Flip(Sources, value) },
            Keys.Language => this with { Languages = Flip(Languages, value) },
            Keys.Person => this with { People = Flip(People, value) },
            Keys.OutletCountry => this with { OutletCountries = Flip(OutletCountries, value) },
            Keys.OutletKind => this with { OutletKinds = Flip(OutletKinds, value) },
            Keys.OutletGroup => this with { OutletGroups = Flip(OutletGroups, value) },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a multi-valued filter."),
        };
        return next.FirstPage();
    }

    /// <summary>The values selected for the multi-valued filter named by its URL key.</summary>
    public IReadOnlyList<string> Selected(string key) => key switch
    {
        Keys.Country => Countries,
        Keys.Topic => Topics,
        Keys.Source => Sources,
        Keys.Language => Languages,
        Keys.Person => People,
        Keys.OutletCountry => OutletCountries,
        Keys.OutletKind => OutletKinds,
        Keys.OutletGroup => OutletGroups,
        _ => [],
    };

    public bool Equals(SearchState? other) =>
        other is not null
        && Text == other.Text
        && Countries.SequenceEqual(other.Countries, StringComparer.Ordinal)
        && CountryMode == other.CountryMode
        && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal)
        && Sources.SequenceEqual(other.Sources, StringComparer.Ordinal)
        && Languages.SequenceEqual(other.Languages, StringComparer.Ordinal)
        && People.SequenceEqual(other.People, StringComparer.Ordinal)
        && OutletCountries.SequenceEqual(other.OutletCountries, StringComparer.Ordinal)
        && OutletKinds.SequenceEqual(other.OutletKinds, StringComparer.Ordinal)
        && OutletGroups.SequenceEqual(other.OutletGroups, StringComparer.Ordinal)
        && From == other.From
        && To == other.To
        && TimeZone == other.TimeZone
        && DateBasis == other.DateBasis
        && MinTension == other.MinTension
        && MaxTension == other.MaxTension
        && Story == other.Story
        && Sort == other.Sort
        && ExpandNames == other.ExpandNames
        && Page == other.Page
        && Cursor == other.Cursor;

    public override int GetHashCode() => HashCode.Combine(Text, Countries.Count, Topics.Count, From, To, Sort, Page, Cursor);

    /// <summary>
    /// A query string ("?a=1&amp;b=x+y") as its keys, each with its values in order; '+' is a space, and a
    /// parameter without '=' has an empty value.
    /// </summary>
    private static List<KeyValuePair<string, List<string>>> ParseQuery(string query)
    {
        static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));

        var parameters = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(key, out var list))
            {
                parameters[key] = list = [];
            }

            list.Add(value);
        }

        return [.. parameters];
    }

    private static string[]? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        value.ToString().ToLowerInvariant();

    private static TEnum ParseEnum<TEnum>(string? value, TEnum fallback)
        where TEnum : struct, Enum =>
        value is not null && !int.TryParse(value, CultureInfo.InvariantCulture, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed)
            ? parsed
            : fallback;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static int? ParseTension(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tension) ? Math.Clamp(tension, 0, 100) : null;
}

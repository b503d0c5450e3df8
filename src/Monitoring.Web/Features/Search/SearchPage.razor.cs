using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using MudBlazor;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// Full-text search with facets. Everything a user may want to share (text, filters, page) lives in
/// the URL, so a search is a link.
/// </summary>
public sealed partial class SearchPage : IDisposable
{
    private const int PageSize = 20;
    private static readonly TimeSpan EmptyIndexPollInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private string? _draft;
    private SearchResult? _result;
    private string? _error;
    private bool _loading;
    private long? _indexedCount;

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "country")]
    public string[]? Country { get; set; }

    [SupplyParameterFromQuery(Name = "topic")]
    public string[]? Topic { get; set; }

    [SupplyParameterFromQuery(Name = "source")]
    public string[]? Source { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>First day, yyyy-MM-dd, inclusive.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Last day, yyyy-MM-dd, inclusive.</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    private DateOnly? FromDate => ParseDate(From);

    private DateOnly? ToDate => ParseDate(To);

    private SearchSort SelectedSort => Enum.TryParse<SearchSort>(Sort, ignoreCase: true, out var sort) ? sort : SearchSort.Relevance;

    private DateRange? SelectedRange => FromDate is null && ToDate is null
        ? null
        : new DateRange(FromDate?.ToDateTime(TimeOnly.MinValue), ToDate?.ToDateTime(TimeOnly.MinValue));

    private int CurrentPage => Math.Max(1, Page ?? 1);

    private List<ActiveFilter> Filters =>
    [
        .. (Country ?? []).Select(code => new ActiveFilter("country", code, Enrichment.CountryName(code))),
        .. (Topic ?? []).Select(id => new ActiveFilter("topic", id, Enrichment.TopicLabel(id))),
        .. (Source ?? []).Select(source => new ActiveFilter("source", source, source)),
        .. (FromDate is null && ToDate is null ? [] : new[] { new ActiveFilter("dates", "", DateRangeLabel(FromDate, ToDate)) }),
    ];

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        _draft = Text;
        await RunSearchAsync();
    }

    private async Task RunSearchAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _indexedCount = await Search.CountAsync(_disposed.Token);
            if (_indexedCount == 0)
            {
                _result = null;
                _ = PollUntilIndexFilledAsync();
                return;
            }

            _result = await Search.SearchAsync(BuildQuery(), _disposed.Token);
        }
        catch (ArgumentException invalid)
        {
            // The engines report unparseable query text this way; say so instead of failing the page.
            _result = null;
            _error = $"The search could not be understood: {invalid.Message}";
        }
        finally
        {
            _loading = false;
        }
    }

    private ArticleQuery BuildQuery() => new()
    {
        Text = Text,
        Countries = Country ?? [],
        Topics = Topic ?? [],
        Sources = Source ?? [],
        From = FromDate,
        To = ToDate,
        Sort = SelectedSort,
        Skip = (CurrentPage - 1) * PageSize,
        Take = PageSize,
    };

    private async Task PollUntilIndexFilledAsync()
    {
        try
        {
            while (!_disposed.IsCancellationRequested)
            {
                await Task.Delay(EmptyIndexPollInterval, _disposed.Token);
                if (await Search.CountAsync(_disposed.Token) > 0)
                {
                    await InvokeAsync(async () =>
                    {
                        await RunSearchAsync();
                        StateHasChanged();
                    });
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The user left the page.
        }
    }

    private async Task OnQueryKeyDown(KeyboardEventArgs args)
    {
        if (args.Key == "Enter")
        {
            await SubmitAsync();
        }
    }

    private Task SubmitAsync()
    {
        NavigateTo(text: _draft, page: null);
        return Task.CompletedTask;
    }

    private Task ClearTextAsync()
    {
        _draft = null;
        NavigateTo(text: null, page: null);
        return Task.CompletedTask;
    }

    private Task ToggleAsync(string field, string value)
    {
        if (field == "dates")
        {
            return ChangeRangeAsync(null);
        }

        var current = field switch
        {
            "country" => Country,
            "topic" => Topic,
            _ => Source,
        } ?? [];
        var next = current.Contains(value, StringComparer.Ordinal)
            ? current.Where(existing => existing != value).ToArray()
            : [.. current, value];
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [field] = next.Length == 0 ? null : next,
            ["page"] = null,
        }));
        return Task.CompletedTask;
    }

    private Task ClearFiltersAsync()
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["country"] = null,
            ["topic"] = null,
            ["source"] = null,
            ["from"] = null,
            ["to"] = null,
            ["page"] = null,
        }));
        return Task.CompletedTask;
    }

    private Task ChangeRangeAsync(DateRange? range)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = FormatDate(range?.Start),
            ["to"] = FormatDate(range?.End),
            ["page"] = null,
        }));
        return Task.CompletedTask;
    }

    private Task ChangeSortAsync(SearchSort sort)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = sort == SearchSort.Relevance ? null : sort.ToString().ToLowerInvariant(),
            ["page"] = null,
        }));
        return Task.CompletedTask;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? FormatDate(DateTime? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DateRangeLabel(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } start, { } end) when start == end => start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        ({ } start, { } end) => $"{start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
        ({ } start, null) => "from " + start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        (null, { } end) => "until " + end.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => "",
    };

    private Task GoToPageAsync(int page)
    {
        NavigateTo(text: Text, page: page);
        return Task.CompletedTask;
    }

    private void NavigateTo(string? text, int? page) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            ["page"] = page is null or 1 ? null : page,
        }));

    private static int PageCount(long total) => (int)Math.Min(500, (total + PageSize - 1) / PageSize);

    private static string ResultCountText(long total) => total switch
    {
        1 => "1 article",
        _ => string.Create(CultureInfo.InvariantCulture, $"{total:N0} articles"),
    };

    private sealed record ActiveFilter(string Field, string Value, string Label);
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Outlets;
using Monitoring.Search;

namespace Monitoring.Web.Features.Search;

/// <summary>
/// Full-text search with facets. Everything a user may want to share (text, filters, dates, sort, page)
/// lives in the URL as <see cref="SearchState"/>, so a search is a link.
/// </summary>
public sealed partial class SearchPage : IDisposable
{
    private static readonly TimeSpan EmptyIndexPollInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private SearchState _state = SearchState.Default;
    private SearchState? _searched;
    private SearchResult? _result;
    private IReadOnlyList<StoryGroup> _groups = [];
    private InvalidQueryException? _invalidQuery;
    private string? _error;
    private bool _loading;
    private bool _facetsOpen;
    private long? _indexedCount;
    private OutletGroupNames _groupNames = OutletGroupNames.None;

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private OutletCatalog Outlets { get; set; } = default!;

    private List<ActiveFilter> ActiveFilters
    {
        get
        {
            var filters = new List<ActiveFilter>();
            foreach (var (key, label) in new[]
            {
                (SearchState.Keys.Country, (Func<string, string>)Enrichment.CountryName),
                (SearchState.Keys.Topic, Enrichment.TopicLabel),
                (SearchState.Keys.Person, value => value),
                (SearchState.Keys.Source, value => value),
                (SearchState.Keys.Language, value => "language " + value),
                (SearchState.Keys.OutletGroup, _groupNames.FilterLabel),
                (SearchState.Keys.OutletCountry, value => "outlet country " + Enrichment.CountryName(value)),
                (SearchState.Keys.OutletKind, value => "outlet kind " + Core.Articles.OutletKinds.LabelOfKey(value)),
            })
            {
                filters.AddRange(_state.Selected(key).Select(value =>
                    new ActiveFilter($"{key}:{value}", label(value), _state.Toggle(key, value))));
            }

            if (_state.CountryMode == CountryMode.About)
            {
                filters.Add(new("countries:about", "countries: about only", _state with { CountryMode = CountryMode.Mentioned }));
            }

            if (_state.From is not null || _state.To is not null)
            {
                filters.Add(new("dates", DateRangeLabel(_state), _state with { From = null, To = null }));
            }

            if (_state.MinTension is not null || _state.MaxTension is not null)
            {
                filters.Add(new("tension", $"tension {_state.MinTension ?? 0}–{_state.MaxTension ?? 100}", _state with { MinTension = null, MaxTension = null }));
            }

            if (_state.Story is { } story)
            {
                filters.Add(new("story", "one story", _state with { Story = null }));
            }

            return filters;
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _disposed.Cancel();
        _disposed.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _groupNames = await Outlets.GroupNamesOrNoneAsync(_disposed.Token);
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private void OnLocationChanged(object? sender, LocationChangedEventArgs args)
    {
        var path = Navigation.ToBaseRelativePath(args.Location).Split('?', '#')[0];
        if (path == "search")
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAsync()
    {
        var state = SearchState.FromUri(Navigation.Uri);
        if (state.Equals(_searched) && _indexedCount > 0)
        {
            return;
        }

        _state = state;
        _searched = state;
        await RunSearchAsync();
    }

    private async Task RunSearchAsync()
    {
        _loading = true;
        _error = null;
        _invalidQuery = null;
        try
        {
            _indexedCount = await Search.CountAsync(_disposed.Token);
            if (_indexedCount == 0)
            {
                _result = null;
                _ = PollUntilIndexFilledAsync();
                return;
            }

            _result = await Search.SearchAsync(_state.ToArticleQuery(), _disposed.Token);
            _groups = StoryGroup.Group(_result.Hits);
        }
        catch (InvalidQueryException invalid)
        {
            _result = null;
            _invalidQuery = invalid;
        }
        catch (ArgumentException invalid)
        {
            // An unknown time zone or a cursor from another search: say so instead of failing the page.
            _result = null;
            _error = $"The search could not be run: {invalid.Message}";
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The user left the page.
        }
        finally
        {
            _loading = false;
        }
    }

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

    private Task NavigateAsync(SearchState next)
    {
        Navigation.NavigateTo(PageHref(next));
        return Task.CompletedTask;
    }

    private string PageHref(SearchState state) => Navigation.GetUriWithQueryParameters(state.ToQueryParameters());

    private Task SubmitTextAsync(string? text) =>
        NavigateAsync(_state.FirstPage() with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private Task ChooseSuggestionAsync((Suggestion Suggestion, string? Text) choice)
    {
        var key = choice.Suggestion.Kind switch
        {
            SuggestionKind.Person => SearchState.Keys.Person,
            SuggestionKind.Topic => SearchState.Keys.Topic,
            _ => SearchState.Keys.Country,
        };
        var next = _state with { Text = string.IsNullOrWhiteSpace(choice.Text) ? null : choice.Text.Trim() };
        if (!next.Selected(key).Contains(choice.Suggestion.Value, StringComparer.Ordinal))
        {
            next = next.Toggle(key, choice.Suggestion.Value);
        }

        return NavigateAsync(next.FirstPage());
    }

    private Task ToggleAsync((string Field, string Value) facet) => NavigateAsync(_state.Toggle(facet.Field, facet.Value));

    private Task ChangeCountryModeAsync(CountryMode mode) => NavigateAsync(_state.FirstPage() with { CountryMode = mode });

    private Task ClearFiltersAsync() => NavigateAsync(new SearchState
    {
        Text = _state.Text,
        Sort = _state.Sort,
        TimeZone = _state.TimeZone,
        DateBasis = _state.DateBasis,
    });

    private static string DateRangeLabel(SearchState state)
    {
        static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var basis = state.DateBasis == DateBasis.Ingested ? "ingested " : "";
        return (state.From, state.To) switch
        {
            ({ } start, { } end) when start == end => basis + Day(start),
            ({ } start, { } end) => $"{basis}{Day(start)} – {Day(end)}",
            ({ } start, null) => $"{basis}from {Day(start)}",
            (null, { } end) => $"{basis}until {Day(end)}",
            _ => "",
        };
    }

    private static long PageCount(long total) => Math.Max(1, (total + SearchState.PageSize - 1) / SearchState.PageSize);

    private static string ResultCountText(long total) => total switch
    {
        1 => "1 article",
        _ => string.Create(CultureInfo.InvariantCulture, $"{total:N0} articles"),
    };

    /// <param name="Without">The search with this filter removed.</param>
    private sealed record ActiveFilter(string Key, string Label, SearchState Without);
}

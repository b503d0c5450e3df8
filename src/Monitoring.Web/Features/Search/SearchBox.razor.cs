using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Monitoring.Core.Search;
using MudBlazor;

namespace Monitoring.Web.Features.Search;

/// <summary>The query box with its syntax cheat sheet and search-as-you-type tag suggestions.</summary>
public sealed partial class SearchBox : IDisposable
{
    private const int MinimumPrefix = 2;
    private const int SuggestionCount = 8;

    // Suggestions wait for a pause in typing; the text itself is never debounced, so Enter right after the
    // last key searches what was typed.
    private static readonly TimeSpan SuggestionDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Examples from docs/search.md, as an analyst would type them.</summary>
    internal static readonly IReadOnlyList<(string Example, string Meaning)> SyntaxExamples =
    [
        ("Kosovo Serbia", "both words (words are AND-ed)"),
        ("Kosovo OR Albania", "either word"),
        ("Kosovo NOT election", "Kosovo, but not election (also Kosovo -election)"),
        ("(Kosovo OR Albania) AND border", "groups with parentheses"),
        ("\"military cooperation\"", "the exact phrase"),
        ("\"Serbia claim\"~2", "both words at most two words apart"),
        ("sanction*", "words starting with sanction"),
        ("title:Kosovo", "Kosovo in the headline"),
        ("country:XK", "tagged with Kosovo; about:XK only those mainly about it"),
        ("topic:elections", "tagged with the topic"),
        ("person:Vučić", "tagged with that person"),
        ("source:\"RFE/RL\"", "from that source; language:sr by language"),
    ];

    private string? _draft;
    private string? _shownText;
    private IReadOnlyList<Suggestion> _suggestions = [];

    // The suggestion the arrow keys have reached (focus stays in the box); -1 for none.
    private int _active = -1;
    private bool _helpOpen;
    private CancellationTokenSource? _pendingSuggestions;

    [Inject]
    private IArticleSearch Search { get; set; } = default!;

    /// <summary>The searched text, from the URL.</summary>
    [Parameter]
    public string? Text { get; set; }

    [Parameter]
    public EventCallback<string?> OnSubmit { get; set; }

    /// <summary>A suggestion was chosen; the text is the draft without the word that was being typed.</summary>
    [Parameter]
    public EventCallback<(Suggestion Suggestion, string? Text)> OnSuggestionChosen { get; set; }

    protected override void OnParametersSet()
    {
        // Only a new search from outside replaces what the user is typing.
        if (_shownText != Text)
        {
            _shownText = Text;
            _draft = Text;
            _suggestions = [];
        }
    }

    /// <summary>The word being typed: the last one, unless it is a fielded term, an operator or in quotes.</summary>
    internal static string? WordBeingTyped(string? draft)
    {
        if (string.IsNullOrEmpty(draft) || char.IsWhiteSpace(draft[^1]) || draft.Count(c => c == '"') % 2 == 1)
        {
            return null;
        }

        var word = draft[(draft.LastIndexOf(' ') + 1)..].TrimStart('(', '+', '-');
        return word.Length < MinimumPrefix || word.Contains(':', StringComparison.Ordinal) || word.Contains('*', StringComparison.Ordinal)
            || word is "AND" or "OR" or "NOT"
            ? null
            : word;
    }

    public void Dispose() => CancelSuggestions();

    private void DraftChanged(string? value)
    {
        // The text field may report the same text again (on a key that changes nothing); that must not reopen
        // suggestions just closed with Escape or lose the one reached with the arrows.
        if (string.Equals(value, _draft, StringComparison.Ordinal))
        {
            return;
        }

        _draft = value;
        CancelSuggestions();
        if (WordBeingTyped(value) is { } word)
        {
            _pendingSuggestions = new CancellationTokenSource();
            _ = SuggestLaterAsync(word, _pendingSuggestions.Token);
        }
    }

    private async Task SuggestLaterAsync(string word, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SuggestionDelay, cancellationToken);
            var suggestions = await Search.SuggestAsync(word, SuggestionCount, cancellationToken);
            await InvokeAsync(() =>
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    _suggestions = suggestions;
                    _active = -1;
                    StateHasChanged();
                }
            });
        }
        catch (OperationCanceledException)
        {
            // More was typed, or the search was submitted.
        }
    }

    private void CancelSuggestions()
    {
        _pendingSuggestions?.Cancel();
        _pendingSuggestions?.Dispose();
        _pendingSuggestions = null;
        _suggestions = [];
        _active = -1;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs args)
    {
        switch (args.Key)
        {
            case "ArrowDown" when _suggestions.Count > 0:
                _active = (_active + 1) % _suggestions.Count;
                break;
            case "ArrowUp" when _suggestions.Count > 0:
                _active = _active <= 0 ? _suggestions.Count - 1 : _active - 1;
                break;
            case "Enter" when _active >= 0 && _active < _suggestions.Count:
                await ChooseAsync(_suggestions[_active]);
                break;
            case "Enter":
                await SubmitAsync();
                break;
            case "Escape":
                CancelSuggestions();
                _helpOpen = false;
                break;
        }
    }

    private static string OptionId(int index) => "search-suggestion-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task SubmitAsync()
    {
        CancelSuggestions();
        await OnSubmit.InvokeAsync(_draft);
    }

    private async Task ClearAsync()
    {
        _draft = null;
        CancelSuggestions();
        await OnSubmit.InvokeAsync(null);
    }

    private async Task ChooseAsync(Suggestion suggestion)
    {
        var draft = _draft ?? "";
        var typed = WordBeingTyped(draft);
        var rest = typed is null ? draft : draft[..draft.LastIndexOf(typed, StringComparison.Ordinal)].TrimEnd();
        _draft = rest.Length == 0 ? null : rest;
        CancelSuggestions();
        await OnSuggestionChosen.InvokeAsync((suggestion, _draft));
    }

    private async Task UseExampleAsync(string example)
    {
        _draft = example;
        _helpOpen = false;
        await OnSubmit.InvokeAsync(example);
    }

    private static string KindLabel(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Person => "person",
        SuggestionKind.Topic => "topic",
        _ => "country",
    };

    private static string IconOf(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Person => Icons.Material.Outlined.Person,
        SuggestionKind.Topic => Icons.Material.Outlined.Label,
        _ => Icons.Material.Outlined.Flag,
    };
}

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Monitoring.Web.Components;

/// <summary>
/// Moves the keyboard's focus to the page's h1 once a page that loads its content has it, when focus was lost on the
/// way (the link followed is gone, focus fell back to the document). Blazor's FocusOnNavigate looks for the h1
/// right after navigating, before such a page has drawn it. Renders nothing.
/// </summary>
public sealed class HeadingFocus : ComponentBase
{
    private object? _focusedFor;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Whether the content, with its h1, is drawn.</summary>
    [Parameter]
    public bool Ready { get; set; }

    /// <summary>What the page shows (an article's id): each new one is focused once.</summary>
    [Parameter]
    public object? Key { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Ready && !Equals(Key, _focusedFor))
        {
            _focusedFor = Key;
            await JS.InvokeVoidAsync("monitoring.focusHeadingIfLost");
        }
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Monitoring.Web.Components;

/// <summary>
/// After an in-app navigation to another page, moves the keyboard's focus to the new page's h1, so that a screen
/// reader announces the page and the next Tab starts from its top. Unlike Blazor's FocusOnNavigate it leaves the first
/// page of a visit alone: there the browser starts at the top of the document, and the first Tab offers the skip link.
/// A page that draws its h1 only once its content has loaded takes focus then (<see cref="HeadingFocus"/>).
/// </summary>
public sealed class FocusOnPageChange : ComponentBase
{
    private Type? _shownPage;
    private bool _focusDue;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public Microsoft.AspNetCore.Components.RouteData RouteData { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (RouteData.PageType != _shownPage)
        {
            _focusDue = _shownPage is not null;
            _shownPage = RouteData.PageType;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusDue)
        {
            _focusDue = false;
            await JS.InvokeVoidAsync("monitoring.focusHeading");
        }
    }
}

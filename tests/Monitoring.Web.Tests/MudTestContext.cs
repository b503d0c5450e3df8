using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Monitoring.Web.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services. MudBlazor's JS calls are answered loosely, and popover
/// content lands in the provider rendered first.
/// </summary>
public abstract class MudTestContext : BunitContext
{
    static MudTestContext()
    {
        // bUnit waits 1 s by default; pages that query a real index need longer on a loaded 2-core CI machine.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>Renders <typeparamref name="TPage"/> as if the browser were at <paramref name="uri"/>.</summary>
    protected IRenderedComponent<TPage> RenderPageAt<TPage>(string uri)
        where TPage : IComponent
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<TPage>();
    }
}

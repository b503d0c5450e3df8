using MudBlazor;

namespace Monitoring.Web.Components.Layout;

/// <summary>The one MudBlazor theme of the app's layouts (system fonts: there are no web fonts from outside).</summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}

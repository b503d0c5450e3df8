using MudBlazor;

namespace Monitoring.Web.Components.Layout;

/// <summary>
/// The one MudBlazor theme of the app's layouts (system fonts: there are no web fonts from outside). Both palettes
/// are MudBlazor's defaults with every colour that is used as text, or under text, moved to a contrast of at least
/// 4.5:1 against the surfaces it sits on (WCAG 2.1 AA, docs/accessibility.md): the defaults' greys, info, success,
/// warning and error, and in the dark theme the primary, which was 2.8:1 on the dark surface.
/// </summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        PaletteLight = new PaletteLight
        {
            Primary = "#594ae2", // 6.0:1 on white, and white on it
            Secondary = "#c2185b",
            Tertiary = "#00796b",
            Info = "#0b69c7", // 5.1:1 on its own alert's tint
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#d32f2f",
            TextSecondary = "rgba(0,0,0,0.64)", // 6.7:1 on white (MudBlazor's 0.54 gives 4.6 at best, less on grey)
            ActionDefault = "rgba(0,0,0,0.64)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#b3acf8", // 6.1:1 on the dark surface, 5.2:1 on an info alert
            PrimaryContrastText = "#1a1a27",
            Secondary = "#ff80ab",
            SecondaryContrastText = "#1a1a27",
            Tertiary = "#4dd0b4",
            TertiaryContrastText = "#1a1a27",
            Info = "#6cb4ff",
            InfoContrastText = "#1a1a27",
            Success = "#5fd38d",
            SuccessContrastText = "#1a1a27",
            Warning = "#ffb545",
            WarningContrastText = "#1a1a27",
            Error = "#ff7b73",
            ErrorContrastText = "#1a1a27",
            TextSecondary = "rgba(255,255,255,0.62)", // 5.6:1 on the surface (MudBlazor's 0.50 gives 4.2)
            ActionDefault = "rgba(255,255,255,0.70)",
        },
    };
}

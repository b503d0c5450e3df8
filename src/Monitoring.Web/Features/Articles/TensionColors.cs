using MudBlazor;

namespace Monitoring.Web.Features.Articles;

/// <summary>The colour of a tension badge: one scale for every page that shows an article's tension (0–100).</summary>
public static class TensionColors
{
    public static Color For(double tension) => tension switch
    {
        >= 60 => Color.Error,
        >= 30 => Color.Warning,
        _ => Color.Success,
    };
}

namespace Monitoring.Web.Features.Security;

/// <summary>
/// The headers every answer carries so that a page of the app cannot be framed, sniffed or made to run script
/// from elsewhere. The content security policy is the strictest Blazor Server and MudBlazor work with: scripts
/// only from the app's own files (no inline script, no eval), styles inline too (MudBlazor sets style
/// attributes), images also from data: and blob: URLs (the chart PNG export draws the SVG through them), and
/// connections only back to the app (the circuit's WebSocket).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's dashboard ships inline script; it is for admins only and shows no ingested text, so it alone
    /// is allowed inline script.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every answer; <paramref name="dashboardPath"/> gets <see cref="DashboardContentSecurityPolicy"/>.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PathString dashboardPath)
    {
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(dashboardPath, StringComparison.OrdinalIgnoreCase)
                    ? DashboardContentSecurityPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";

                // Links out to the outlets must not tell them what an analyst searched for.
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

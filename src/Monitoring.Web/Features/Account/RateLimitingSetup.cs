using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// ASP.NET Core's rate limiter with two policies: <see cref="LoginPolicy"/> (password guessing; the account
/// lockout stops guessing one account, this stops trying many) and <see cref="IngestPolicy"/> (the push API).
/// Both count per client address.
/// </summary>
public static class RateLimitingSetup
{
    public const string LoginPolicy = "login";
    public const string IngestPolicy = "ingest";

    public static IServiceCollection AddMonitoringRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(LoginPolicy, context =>
            {
                // The form pages are read freely; only their posts count.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var options = Options(context);
                return FixedWindow(context, options.LoginPermitLimit, options.LoginWindow);
            });
            limiter.AddPolicy(IngestPolicy, context =>
            {
                var options = Options(context);
                return FixedWindow(context, options.IngestPermitLimit, options.IngestWindow);
            });
        });
        return services;
    }

    private static RateLimitingOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;

    private static RateLimitPartition<string> FixedWindow(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}

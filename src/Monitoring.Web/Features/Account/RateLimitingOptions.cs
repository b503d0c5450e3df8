using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// Settings of section "RateLimiting": requests allowed per client address in a fixed window, on the sign-in
/// forms (their POSTs only) and on the push API. Past the limit the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sign-in and setup form posts per address per <see cref="LoginWindow"/>.</summary>
    [Range(1, 100_000)]
    public int LoginPermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Push-API requests per address per <see cref="IngestWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int IngestPermitLimit { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IngestWindow { get; set; } = TimeSpan.FromMinutes(1);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// A Blazor circuit keeps the user it started with; this checks every minute that the user still exists
/// with the same security stamp, so a user an admin locked, deleted or moved to another role loses the
/// open page too (the cookie is checked as often on every request).
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.GetUserAsync(authenticationState.User).ConfigureAwait(false);
            if (user is null || await users.IsLockedOutAsync(user).ConfigureAwait(false))
            {
                return false;
            }

            var stamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            return string.Equals(stamp, await users.GetSecurityStampAsync(user).ConfigureAwait(false), StringComparison.Ordinal);
        }
    }
}

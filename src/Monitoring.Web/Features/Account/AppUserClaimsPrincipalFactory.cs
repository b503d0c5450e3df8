using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Account;

/// <summary>Adds <see cref="Policies.MustChangePasswordClaim"/> to the sign-in of a user who must change their password.</summary>
internal sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(Policies.MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}

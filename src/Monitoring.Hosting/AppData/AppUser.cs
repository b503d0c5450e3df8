using Microsoft.AspNetCore.Identity;

namespace Monitoring.Web.Features.Account;

/// <summary>A person who signs in: an analyst, editor or admin (see <see cref="Roles"/>).</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>
    /// Set when an admin chose the password: the user must replace it before using anything but the
    /// change-password page (<see cref="Policies"/> refuse them until then).
    /// </summary>
    public bool MustChangePassword { get; set; }
}

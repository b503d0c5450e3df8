using Microsoft.AspNetCore.Identity;

namespace Monitoring.Hosting.AppData;

/// <summary>A person who signs in: an analyst, editor or admin (the web app's roles).</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>
    /// Set when an admin chose the password: the user must replace it before using anything but the
    /// change-password page (the web app's policies refuse them until then).
    /// </summary>
    public bool MustChangePassword { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Features.Account;

/// <summary>The "Account" configuration section: who uses the app while it has no sign-in.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Account";

    /// <summary>
    /// The user name everyone who is not signed in acts as (the owner of the alerts they create, the
    /// recipient of the bell's notifications). Sign-in does not exist yet, so today that is everyone.
    /// </summary>
    [Required]
    [StringLength(256, MinimumLength = 1)]
    public string LocalUserName { get; set; } = "editor";
}

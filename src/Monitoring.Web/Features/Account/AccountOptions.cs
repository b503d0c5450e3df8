using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Features.Account;

/// <summary>Settings of section "Account": passwords, lockout and the first admin's setup link.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Account";

    /// <summary>Shortest password accepted. Length is the rule; no character classes are demanded.</summary>
    [Range(8, 128)]
    public int PasswordMinLength { get; set; } = 12;

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout after failed attempts lasts (an admin can lift it earlier).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the setup link printed on a start without users stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a sign-in lasts without use (the cookie slides while the user is active).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}

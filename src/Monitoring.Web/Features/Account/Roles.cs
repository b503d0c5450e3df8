namespace Monitoring.Web.Features.Account;

/// <summary>
/// The three roles, each including what the one before may do: an analyst searches, reads, charts and
/// exports; an editor also keeps alerts, sources and event annotations; an admin also manages users, API
/// keys and the job dashboard. A user has exactly one.
/// </summary>
public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>From least to most allowed.</summary>
    public static IReadOnlyList<string> All { get; } = [Analyst, Editor, Admin];
}

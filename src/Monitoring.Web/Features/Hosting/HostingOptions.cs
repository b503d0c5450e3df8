namespace Monitoring.Web.Features.Hosting;

/// <summary>Settings of section "Hosting": what this process does when many of them share the same stores.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>All (the default: one process does everything), Web or Worker.</summary>
    public HostingRole Role { get; set; } = HostingRole.All;
}

/// <summary>
/// What one process of the app does. Web nodes serve people and enqueue jobs; workers run them. Many of each
/// can run against the same job storage, search engine and databases.
/// </summary>
public enum HostingRole
{
    /// <summary>Both: the UI and API, the Hangfire server, the drop-folder watcher and the recurring jobs.</summary>
    All,

    /// <summary>The UI, the API and the jobs dashboard; enqueues jobs but runs none.</summary>
    Web,

    /// <summary>The Hangfire server, the drop-folder watcher and the recurring jobs; serves only /health and /ready.</summary>
    Worker,
}

public static class HostingRoleExtensions
{
    extension(HostingRole role)
    {
        /// <summary>Pages, the API and the jobs dashboard are mapped.</summary>
        public bool ServesWeb => role is HostingRole.All or HostingRole.Web;

        /// <summary>A Hangfire server runs here, and the start-up and recurring background work is set up from here.</summary>
        public bool RunsJobs => role is HostingRole.All or HostingRole.Worker;
    }
}

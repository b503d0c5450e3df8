namespace Monitoring.Web.Features.Hosting;

/// <summary>Settings of section "Hosting": whether the web app also runs the background work.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>All (the default: the web app also runs the worker, one machine) or Web (a worker host runs it).</summary>
    public HostingRole Role { get; set; } = HostingRole.All;
}

/// <summary>
/// What the web app's process does. Web nodes serve people and enqueue jobs; the worker host
/// (<c>Monitoring.Worker</c>) runs them. On one machine the web app runs the worker's services itself.
/// </summary>
public enum HostingRole
{
    /// <summary>The UI and API, and the worker's services in the same process (<c>AddWorker</c>).</summary>
    All,

    /// <summary>The UI, the API and the jobs dashboard; enqueues jobs but runs none.</summary>
    Web,
}

using Monitoring.Hosting;

namespace Monitoring.Web.Features.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Reads "Hosting:Role" now, because the role decides what gets registered, and validates it at start like
    /// every other section. On the default role the worker's services run in this process: one command runs
    /// everything on one machine.
    /// </summary>
    public static HostingRole AddHostingRole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HostingOptions>()
            .BindConfiguration(HostingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var role = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>()?.Role ?? HostingRole.All;
        if (role == HostingRole.All)
        {
            builder.Services.AddWorker();
        }

        return role;
    }
}

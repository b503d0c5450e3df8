using Hangfire;
using Microsoft.Extensions.Options;
using Monitoring.Hosting.Jobs;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Jobs;

public static class JobsDashboard
{
    /// <summary>Where the Hangfire dashboard is served.</summary>
    public const string DashboardPath = "/jobs";

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard)
        {
            // Admins only, by the app's policy; Hangfire's own local-requests-only filter is replaced by it.
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { DisplayStorageConnectionString = false, Authorization = [] })
                .RequireAuthorization(Policies.Administer);
        }

        return app;
    }
}

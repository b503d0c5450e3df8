using Monitoring.Hosting;
using Monitoring.Hosting.AppData;
using Monitoring.Hosting.Status;
using Monitoring.Web.Components;
using Monitoring.Web.Data;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Alerts;
using Monitoring.Web.Features.Hosting;
using Monitoring.Web.Features.Ingest;
using Monitoring.Web.Features.Jobs;
using Monitoring.Web.Features.Search;
using Monitoring.Web.Features.Security;
using Monitoring.Web.Features.Trends;
using MudBlazor.Services;

// The migration step of a multi-node deploy: migrates both stores and exits without serving (docs/deploy.md).
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// Run from its build output (README's dotnet run) the app finds the packages' static files (MudBlazor's
// _content/…) through the build's manifest, which the framework reads only in Development; published, the
// files are copied beside the app and there is no manifest, so this does nothing there.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddAppData();
builder.Services.AddMonitoringServices(builder.Configuration);
builder.AddHostingRole();
builder.Services.AddIngestApi();
builder.Services.AddTrends();
builder.Services.AddAlertEditing();
builder.Services.AddAccount();
builder.Services.AddMonitoringRateLimiting();
builder.Services.AddProxyHeaders();

var app = builder.Build();

app.UseErrorResponses();
app.UseProxyHeaders();
app.UseSecurityHeaders(JobsDashboard.DashboardPath);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
// Styles and scripts are public: the sign-in page needs them.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccount();
app.MapJobsDashboard();
app.MapTrends();
app.MapSearchExport();
app.MapIngestApi();
app.MapStatus();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the app.</summary>
public partial class Program;

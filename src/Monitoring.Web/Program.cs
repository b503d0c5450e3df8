using Monitoring.Ingestion;
using Monitoring.Ingestion.Sources;
using Monitoring.Search;
using Monitoring.Web.Components;
using Monitoring.Web.Data;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Alerts;
using Monitoring.Web.Features.Hosting;
using Monitoring.Web.Features.Ingest;
using Monitoring.Web.Features.Jobs;
using Monitoring.Web.Features.Search;
using Monitoring.Web.Features.Security;
using Monitoring.Web.Features.Status;
using Monitoring.Web.Features.Trends;
using MudBlazor.Services;

// The migration step of a multi-node deploy: migrates both stores and exits without serving (docs/deploy.md).
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var role = builder.AddHostingRole();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddAppData();
builder.Services.AddIngestion();
builder.Services.AddFeedPolling();
builder.Services.AddJobs(role);
builder.Services.AddIngestApi();
builder.Services.AddTrends();
builder.Services.AddAlerts();
builder.Services.AddAccount();
builder.Services.AddStatus();
builder.Services.LeaveBackgroundWorkToWorkers(role);
builder.Services.AddMonitoringRateLimiting();
builder.Services.AddProxyHeaders();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseProxyHeaders();
app.UseSecurityHeaders(JobsServiceCollectionExtensions.DashboardPath);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
if (role.ServesWeb)
{
    // Styles and scripts are public: the sign-in page needs them.
    app.MapStaticAssets().AllowAnonymous();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapAccount();
    app.MapJobsDashboard();
    app.MapTrends();
    app.MapSearchExport();
    app.MapIngestApi();
}
else
{
    // A worker serves only /health and /ready: any other path is a plain 404, not a redirect to a sign-in it lacks.
    app.MapFallback("{**path}", () => Results.NotFound()).AllowAnonymous();
}

app.MapStatus();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the app.</summary>
public partial class Program;

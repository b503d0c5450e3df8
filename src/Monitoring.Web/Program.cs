using Monitoring.Ingestion;
using Monitoring.Ingestion.Sources;
using Monitoring.Search;
using Monitoring.Web.Components;
using Monitoring.Web.Data;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Alerts;
using Monitoring.Web.Features.Ingest;
using Monitoring.Web.Features.Jobs;
using Monitoring.Web.Features.Search;
using Monitoring.Web.Features.Status;
using Monitoring.Web.Features.Trends;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddIngestion();
builder.Services.AddFeedPolling();
builder.Services.AddJobs();
builder.Services.AddIngestApi();
builder.Services.AddAppData();
builder.Services.AddTrends();
builder.Services.AddAlerts();
builder.Services.AddAccount();
builder.Services.AddMonitoringRateLimiting();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
// Styles and scripts are public: the sign-in page needs them.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccount();
app.MapJobsDashboard();
app.MapStatus();
app.MapTrends();
app.MapSearchExport();
app.MapIngestApi();

await app.RunAsync();

/// <summary>Entry point, public so that tests can host the app.</summary>
public partial class Program;

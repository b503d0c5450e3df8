using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts.Data;
using Monitoring.Tests;

namespace Monitoring.Worker.Tests;

/// <summary>
/// The worker host in-process (Hangfire in memory unless the settings say otherwise, every store in a
/// temporary folder), started as <c>dotnet Monitoring.Worker.dll</c> starts it, alone: it migrates the app database
/// and the ingestion store itself.
/// </summary>
public sealed class TestWorker : IAsyncDisposable
{
    private readonly string _dataFolder;

    public TestWorker(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null)
    {
        _dataFolder = dataFolder ?? Directory.CreateTempSubdirectory("monitoring-worker-").FullName;
        Factory = new WebApplicationFactory<WorkerProgram>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Jobs:Storage", "InMemory");
            host.UseSetting("Ingestion:SeedsPath", RepositoryPaths.Seeds);
            host.UseSetting("Ingestion:IngestSeedsOnStart", "false");
            host.UseSetting("Ingestion:DropFolder", DropFolder);
            host.UseSetting("Search:Lucene:IndexPath", Path.Combine(_dataFolder, "index"));
            host.UseSetting("Ingestion:StorePath", Path.Combine(_dataFolder, "ingestion.db"));
            host.UseSetting("AppData:SqlitePath", AppDatabasePath);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }

            if (services is not null)
            {
                host.ConfigureServices(services);
            }
        });
    }

    public WebApplicationFactory<WorkerProgram> Factory { get; }

    public string DataFolder => _dataFolder;

    public string AppDatabasePath => Path.Combine(_dataFolder, "app.db");

    public string DropFolder => Path.Combine(_dataFolder, "drop");

    public IServiceProvider Services => Factory.Services;

    public HttpClient CreateClient() => Factory.CreateClient();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled connections may hold the files a moment longer; the folder is a temporary one.
        }
    }
}

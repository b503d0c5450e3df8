using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Tests;

namespace Monitoring.Web.Tests;

/// <summary>
/// The whole app in-process, every store in its own temporary folder, Hangfire in memory and no seed ingestion
/// unless the given settings say otherwise.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public TestApp(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Jobs:Storage"] = "InMemory",
            ["Ingestion:SeedsPath"] = RepositoryPaths.Seeds,
            ["Ingestion:IngestSeedsOnStart"] = "false",
            ["Ingestion:StorePath"] = IngestionStorePath,
            ["Ingestion:DropFolder"] = DropFolder,
            ["Search:Lucene:IndexPath"] = Path.Combine(DataFolder, "index"),
            ["AppData:SqlitePath"] = AppDatabasePath,
        };
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in defaults.Where(setting => !settings.ContainsKey(setting.Key)).Concat(settings))
            {
                host.UseSetting(key, value);
            }

            host.ConfigureServices(collection => services?.Invoke(collection));
        });
    }

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("monitoring-app-").FullName;

    public string IngestionStorePath => Path.Combine(DataFolder, "ingestion.db");

    public string AppDatabasePath => Path.Combine(DataFolder, "app.db");

    public string DropFolder => Path.Combine(DataFolder, "drop");

    /// <summary>The running app's services (starts it).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>A client of the app (starts it).</summary>
    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }
}

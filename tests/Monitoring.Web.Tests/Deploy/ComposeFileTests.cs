using System.ComponentModel;
using Monitoring.Tests;
using YamlDotNet.Serialization;

namespace Monitoring.Web.Tests.Deploy;

/// <summary>
/// deploy/compose.yaml as Docker Compose reads it: `docker compose config` (the plugin), else Debian's
/// docker-compose, installed with apt-get when the tests run as root; otherwise the test fails saying so.
/// </summary>
public sealed class ComposeFileTests
{
    // The images and the password the file requires, as an operator would export them.
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["ELASTICSEARCH_IMAGE"] = "registry.invalid/elasticsearch/elasticsearch:9.1.0",
        ["DOTNET_SDK_IMAGE"] = "registry.invalid/dotnet/sdk:10.0",
        ["DOTNET_RUNTIME_IMAGE"] = "registry.invalid/dotnet/aspnet:10.0",
        ["POSTGRES_PASSWORD"] = "compose-test",
    };

    private static readonly SemaphoreSlim FindLock = new(1, 1);
    private static string[]? _compose;

    [Fact]
    public async Task TheComposeFile_IsValid()
    {
        var compose = await ComposeCommandAsync();

        await Commands.RunAsync(compose[0], [.. compose[1..], "-f", DeployFiles.ComposeFile, "config", "-q"], "validating deploy/compose.yaml", Environment);
    }

    [Fact]
    public async Task TheComposeFile_RunsTwoWebNodes_TwoWorkers_ThreeElasticsearchNodes_PostgreSql_AndAProxy()
    {
        var compose = await ComposeCommandAsync();

        var resolved = await Commands.RunAsync(compose[0], [.. compose[1..], "-f", DeployFiles.ComposeFile, "config"], "resolving deploy/compose.yaml", Environment);

        var services = ((Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(resolved)["services"])
            .ToDictionary(service => (string)service.Key, service => (Dictionary<object, object>)service.Value, StringComparer.Ordinal);
        Assert.Equal(
            ["es01", "es02", "es03", "postgres", "proxy", "web-1", "web-2", "worker-1", "worker-2"],
            services.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, role) in new[] { ("web-1", "Web"), ("web-2", "Web"), ("worker-1", "Worker"), ("worker-2", "Worker") })
        {
            var environment = services[name].Map("environment");
            Assert.Equal(role, environment.Text("Hosting__Role"));
            Assert.Equal("PostgreSql", environment.Text("Jobs__Storage"));
            Assert.Equal("Elasticsearch", environment.Text("Search__Engine"));
            Assert.Contains("Password=compose-test", environment.Text("Jobs__PostgreSqlConnectionString"), StringComparison.Ordinal);
        }
    }

    private static async Task<string[]> ComposeCommandAsync()
    {
        await FindLock.WaitAsync();
        try
        {
            return _compose ??= await FindOrInstallAsync();
        }
        finally
        {
            FindLock.Release();
        }
    }

    private static async Task<string[]> FindOrInstallAsync()
    {
        if (await AnswersAsync("docker", "compose", "version"))
        {
            return ["docker", "compose"];
        }

        if (!await AnswersAsync("docker-compose", "version"))
        {
            await Commands.InstallDebianPackagesAsync("Validating deploy/compose.yaml (the docker compose plugin or docker-compose)", "docker-compose");
        }

        return await AnswersAsync("docker-compose", "version")
            ? ["docker-compose"]
            : throw new InvalidOperationException("Neither 'docker compose' nor 'docker-compose' runs here, even after installing docker-compose.");
    }

    private static async Task<bool> AnswersAsync(string command, params string[] arguments)
    {
        try
        {
            await Commands.RunAsync(command, arguments, "looking for Docker Compose");
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            return false;
        }
    }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Monitoring.Hosting.AppData;
using Monitoring.Tests;
using Monitoring.Web.Features.Security;
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
    public async Task TheComposeFile_RunsTwoWebNodes_TwoWorkers_ThreeElasticsearchNodes_PostgreSql_AProxy_AndTheMigrationStep()
    {
        var compose = await ComposeCommandAsync();

        var services = Services(await ResolveAsync(Environment));

        Assert.Equal(
            ["es01", "es02", "es03", "migrate", "postgres", "proxy", "web-1", "web-2", "worker-1", "worker-2"],
            services.Keys.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "web-1", "web-2", "worker-1", "worker-2" })
        {
            var environment = services[name].Map("environment");
            Assert.Equal("PostgreSql", environment.Text("Jobs__Storage"));
            Assert.Equal("Elasticsearch", environment.Text("Search__Engine"));
            Assert.Contains("Password=compose-test", environment.Text("Jobs__PostgreSqlConnectionString"), StringComparison.Ordinal);
        }

        // Web nodes run the web host alone; workers run the worker host, from the same image.
        foreach (var web in new[] { "web-1", "web-2" })
        {
            Assert.Equal("Web", services[web].Map("environment").Text("Hosting__Role"));
            Assert.False(services[web].ContainsKey("entrypoint"));
        }

        foreach (var worker in new[] { "worker-1", "worker-2" })
        {
            Assert.Equal(["dotnet", "Monitoring.Worker.dll"], services[worker].List("entrypoint").Cast<string>());
            Assert.False(services[worker].Map("environment").ContainsKey("Hosting__Role"));
        }
    }

    [Fact]
    public async Task TheMigrationStep_RunsOnceBeforeEveryNode_OnTheirDatabases_AndTheNodesNeverMigrate()
    {
        var services = Services(await ResolveAsync(Environment));
        var migrate = services["migrate"];

        Assert.True(MigrateCommand.IsRequested(migrate.List("command").Cast<string>().ToList()));
        Assert.Equal("no", migrate.Text("restart"));
        Assert.Equal("service_healthy", migrate.Map("depends_on").Map("postgres").Text("condition"));
        Assert.DoesNotContain("migrate", migrate.Map("depends_on").Keys.Cast<string>());
        foreach (var node in new[] { "web-1", "web-2", "worker-1", "worker-2" })
        {
            var service = services[node];
            Assert.Equal(migrate.Text("image"), service.Text("image"));
            Assert.Equal("service_completed_successfully", service.Map("depends_on").Map("migrate").Text("condition"));
            var environment = service.Map("environment");
            Assert.Equal("false", environment.Text("AppData__MigrateOnStart"));
            Assert.Equal("false", environment.Text("Ingestion__MigrateOnStart"));
            // The step migrates the very databases the node opens.
            foreach (var setting in new[] { "AppData__Provider", "AppData__PostgreSqlConnectionString", "Ingestion__StoreProvider", "Ingestion__StorePostgreSqlConnectionString" })
            {
                Assert.Equal(environment.Text(setting), migrate.Map("environment").Text(setting));
            }
        }
    }

    [Fact]
    public async Task TheWebNodes_BelieveForwardedHeaders_FromTheProxyNetworkOnly_WhichHoldsNginxAndThemAlone()
    {
        var resolved = await ResolveAsync(Environment);
        var services = Services(resolved);

        var proxyNetwork = Assert.Single(NetworksOf(services["proxy"]));
        var subnet = Subnet(resolved, proxyNetwork);
        Assert.Equal(
            ["proxy", "web-1", "web-2"],
            services.Where(service => NetworksOf(service.Value).Contains(proxyNetwork)).Select(service => service.Key).Order(StringComparer.Ordinal));
        foreach (var web in new[] { "web-1", "web-2" })
        {
            var environment = services[web].Map("environment");
            Assert.Equal("true", environment.Text("ForwardedHeaders__Enabled"));
            Assert.Equal(subnet, environment.Text("ForwardedHeaders__KnownNetworks__0"));
        }

        // The app's own start-up check accepts the resolved settings.
        var settings = new ProxyHeadersOptions { Enabled = true, KnownNetworks = { subnet } };
        var problems = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true), string.Join("; ", problems));
    }

    [Fact]
    public async Task TheProxySubnet_CanBeChanged_AndTheWebNodesBelieveTheNewOne()
    {
        var resolved = await ResolveAsync(new Dictionary<string, string>(Environment, StringComparer.Ordinal) { ["MONITORING_PROXY_SUBNET"] = "10.123.4.0/24" });
        var services = Services(resolved);

        Assert.Equal("10.123.4.0/24", Subnet(resolved, Assert.Single(NetworksOf(services["proxy"]))));
        Assert.Equal("10.123.4.0/24", services["web-1"].Map("environment").Text("ForwardedHeaders__KnownNetworks__0"));
        Assert.Equal("10.123.4.0/24", services["web-2"].Map("environment").Text("ForwardedHeaders__KnownNetworks__0"));
    }

    [Fact]
    public void Nginx_SendsTheClientsAddressAndScheme_ToTheWebNodes()
    {
        var config = File.ReadAllText(Path.Combine(DeployFiles.Folder, "nginx", "monitoring.conf"));

        // $proxy_add_x_forwarded_for appends the address nginx saw to whatever the client sent; the app takes that last entry.
        Assert.Matches(@"(?m)^\s*proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;", config);
        Assert.Matches(@"(?m)^\s*proxy_set_header\s+X-Forwarded-Proto\s+\$scheme;", config);
    }

    private static async Task<Dictionary<object, object>> ResolveAsync(IDictionary<string, string> environment)
    {
        var compose = await ComposeCommandAsync();
        var resolved = await Commands.RunAsync(compose[0], [.. compose[1..], "-f", DeployFiles.ComposeFile, "config"], "resolving deploy/compose.yaml", environment);
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(resolved);
    }

    private static Dictionary<string, Dictionary<object, object>> Services(Dictionary<object, object> resolved) =>
        resolved.Map("services").ToDictionary(service => (string)service.Key, service => (Dictionary<object, object>)service.Value, StringComparer.Ordinal);

    /// <summary>A service's networks; Compose resolves a list of names to a map keyed by name.</summary>
    private static List<string> NetworksOf(Dictionary<object, object> service) =>
        service.TryGetValue("networks", out var networks) ? ((Dictionary<object, object>)networks).Keys.Cast<string>().ToList() : ["default"];

    private static string Subnet(Dictionary<object, object> resolved, string network) =>
        ((Dictionary<object, object>)Assert.Single(resolved.Map("networks").Map(network).Map("ipam").List("config"))).Text("subnet");

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

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Monitoring.Hosting.AppData;
using Monitoring.Web.Features.Security;

namespace Monitoring.Web.Tests.Deploy;

/// <summary>deploy/k8s read as YAML: the roles, the sticky Ingress in front of the web pods, Elasticsearch through ECK.</summary>
public sealed class KubernetesManifestTests
{
    private readonly List<Dictionary<object, object>> _objects = DeployFiles.KubernetesObjects();

    [Fact]
    public void TheIngress_PinsEachBrowserToOneWebPod_WithACookie_AndKeepsWebSocketsOpen()
    {
        var ingress = Assert.Single(_objects, resource => resource.Kind() == "Ingress");
        var annotations = ingress.Map("metadata").Map("annotations");
        Assert.Equal("cookie", annotations.Text("nginx.ingress.kubernetes.io/affinity"));
        Assert.Equal("persistent", annotations.Text("nginx.ingress.kubernetes.io/affinity-mode"));
        Assert.False(string.IsNullOrWhiteSpace(annotations.Text("nginx.ingress.kubernetes.io/session-cookie-name")));
        Assert.True(int.Parse(annotations.Text("nginx.ingress.kubernetes.io/proxy-read-timeout"), CultureInfo.InvariantCulture) >= 600);

        // The Ingress routes to a Service that selects exactly the web Deployment's pods.
        var backend = ((Dictionary<object, object>)ingress.Map("spec").List("rules").Cast<Dictionary<object, object>>().Single()
            .Map("http").List("paths").Single()).Map("backend").Map("service").Text("name");
        var service = Assert.Single(_objects, resource => resource.Kind() == "Service" && resource.Name() == backend);
        var web = Deployment("web");
        Assert.Equal(
            service.Map("spec").Map("selector"),
            web.Map("spec").Map("template").Map("metadata").Map("labels"));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void EachHost_HasItsDeployment_ProbedOnHealthAndReady(string component)
    {
        var container = Container(Deployment(component));

        var probes = new[] { "livenessProbe", "readinessProbe" }.Select(probe => container.Map(probe).Map("httpGet").Text("path"));
        Assert.Equal(["/health", "/ready"], probes);
    }

    [Fact]
    public void Elasticsearch_IsAThreeNodeEckCluster_ThatTheAppIsPointedAt()
    {
        var cluster = Assert.Single(_objects, resource => resource.Kind() == "Elasticsearch");
        Assert.StartsWith("elasticsearch.k8s.elastic.co/", cluster.Text("apiVersion"), StringComparison.Ordinal);
        Assert.Equal(3, cluster.Map("spec").List("nodeSets").Cast<Dictionary<object, object>>().Sum(set => int.Parse(set.Text("count"), CultureInfo.InvariantCulture)));
        var config = Assert.Single(_objects, resource => resource.Kind() == "ConfigMap").Map("data");
        Assert.Equal($"http://{cluster.Name()}-es-http:9200", config.Text("Search__Elasticsearch__Urls__0")); // the Service ECK creates
    }

    [Fact]
    public void TheWebPods_BelieveForwardedHeaders_FromANetworkTheAppAccepts()
    {
        var configMap = Assert.Single(_objects, resource => resource.Kind() == "ConfigMap");
        var config = configMap.Map("data");
        Assert.Equal("true", config.Text("ForwardedHeaders__Enabled"));

        // The value is the operator's to check (the ingress pods' network); it must at least pass the app's start-up check.
        var settings = new ProxyHeadersOptions { Enabled = true, KnownNetworks = { config.Text("ForwardedHeaders__KnownNetworks__0") } };
        var problems = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true), string.Join("; ", problems));
        Assert.Contains(
            configMap.Name(),
            Container(Deployment("web")).List("envFrom").Cast<Dictionary<object, object>>()
                .Where(source => source.ContainsKey("configMapRef")).Select(source => source.Map("configMapRef").Text("name")));
    }

    [Fact]
    public void TheMigrateJob_RunsTheNodesImage_WithTheirSettings_AndThePodsNeverMigrate()
    {
        var job = Assert.Single(_objects, resource => resource.Kind() == "Job");
        var pod = job.Map("spec").Map("template").Map("spec");
        var container = (Dictionary<object, object>)pod.List("containers").Single();

        // The image's entry point is the web host (deploy/Dockerfile), which takes "migrate" as its command.
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Monitoring.Web.dll\"]", File.ReadAllText(Path.Combine(DeployFiles.Folder, "Dockerfile")), StringComparison.Ordinal);
        Assert.True(MigrateCommand.IsRequested(container.List("args").Cast<string>().ToList()));
        Assert.Contains(pod.Text("restartPolicy"), new[] { "Never", "OnFailure" });
        Assert.Contains("migrate.yaml", Assert.Single(_objects, resource => resource.Kind() == "Kustomization").List("resources").Cast<string>());
        foreach (var component in new[] { "web", "worker" })
        {
            var node = Container(Deployment(component));
            Assert.Equal(node.Text("image"), container.Text("image"));
            Assert.Equal(EnvironmentSources(node), EnvironmentSources(container));
        }

        var config = Assert.Single(_objects, resource => resource.Kind() == "ConfigMap").Map("data");
        Assert.Equal("false", config.Text("AppData__MigrateOnStart"));
        Assert.Equal("false", config.Text("Ingestion__MigrateOnStart"));
    }

    /// <summary>The ConfigMaps and Secrets a container takes its environment from (where the databases are named).</summary>
    private static List<string> EnvironmentSources(Dictionary<object, object> container) =>
        container.List("envFrom").Cast<Dictionary<object, object>>()
            .Select(source => source.ContainsKey("configMapRef") ? "config:" + source.Map("configMapRef").Text("name") : "secret:" + source.Map("secretRef").Text("name"))
            .ToList();

    [Fact]
    public void TheWorkers_RunTheWorkerHost_AndTheWebNodes_TheWebAppAlone()
    {
        Assert.Equal(["dotnet", "Monitoring.Worker.dll"], Container(Deployment("worker")).List("command").Cast<string>());
        Assert.Contains(
            Container(Deployment("web")).List("env").Cast<Dictionary<object, object>>(),
            variable => variable.Text("name") == "Hosting__Role" && (string?)variable.GetValueOrDefault("value") == "Web");
    }

    private Dictionary<object, object> Deployment(string component) =>
        Assert.Single(
            _objects,
            resource => resource.Kind() == "Deployment"
                && resource.Map("metadata").Map("labels").Text("app.kubernetes.io/component") == component);

    private static Dictionary<object, object> Container(Dictionary<object, object> deployment) =>
        (Dictionary<object, object>)deployment.Map("spec").Map("template").Map("spec").List("containers").Single();
}

using System.Text.RegularExpressions;

namespace Monitoring.Web.Tests.Deploy;

/// <summary>
/// Every setting the deploy files give the app is one the app reads: a setting renamed in code, or misspelt in a
/// file, would otherwise be ignored silently and the app would run on its default.
/// </summary>
public sealed partial class DeploySettingNamesTests
{
    [Theory]
    [InlineData("Jobs__PostgreSqlConnectionString", true)]
    [InlineData("Search__Elasticsearch__Urls__2", true)]
    [InlineData("Alerts__Smtp__Password", true)]
    [InlineData("Ingestion__Feeds__UserAgent", true)]
    [InlineData("Hosting__Role", true)]
    [InlineData("Urls", true)]
    [InlineData("ForwardedHeaders__Enabled", true)]
    [InlineData("ForwardedHeaders__KnownNetworks__0", true)]
    [InlineData("Jobs__PostgresConnectionString", false)]
    [InlineData("Jobs__Storage__Kind", false)]
    [InlineData("Search__Elasticsearch__Urls__First", false)]
    [InlineData("Hosting", false)]
    [InlineData("Monitoring__Role", false)]
    [InlineData("ForwardedHeaders__KnownNetworks", false)]
    [InlineData("ForwardedHeaders__KnownNetwork__0", false)]
    public void TheCheck_KnowsTheAppsSettings_AndNoOthers(string key, bool exists) =>
        Assert.Equal(exists, SettingNames.Exists(key));

    [Fact]
    public void EverySettingInTheDeployFiles_IsOneTheAppReads()
    {
        var keys = ComposeKeys().Concat(KubernetesKeys()).Concat(DockerfileKeys()).Concat(EnvFileKeys()).ToList();

        Assert.Contains("Hosting__Role", keys);
        Assert.Contains("Jobs__PostgreSqlConnectionString", keys);
        Assert.Contains("ForwardedHeaders__Enabled", ComposeKeys());
        Assert.Contains("ForwardedHeaders__KnownNetworks__0", ComposeKeys());
        Assert.Contains("ForwardedHeaders__Enabled", KubernetesKeys());
        Assert.Contains("ForwardedHeaders__KnownNetworks__0", KubernetesKeys());
        Assert.Equal([], keys.Distinct(StringComparer.Ordinal).Where(key => !SettingNames.Exists(key)).ToList()); // lists the unknown names
    }

    /// <summary>The environment of the services that run the app's image (not Elasticsearch's or PostgreSQL's own).</summary>
    private static IEnumerable<string> ComposeKeys() =>
        DeployFiles.ReadCompose().Map("services").Values.Cast<Dictionary<object, object>>()
            .Where(service => service.Text("image").StartsWith("monitoring:", StringComparison.Ordinal))
            .SelectMany(service => service.Map("environment").Keys.Cast<string>());

    private static IEnumerable<string> KubernetesKeys()
    {
        var objects = DeployFiles.KubernetesObjects();
        var config = objects.Where(resource => resource.Kind() is "ConfigMap").SelectMany(resource => resource.Map("data").Keys.Cast<string>());
        var secrets = objects.Where(resource => resource.Kind() is "Secret").SelectMany(resource => resource.Map("stringData").Keys.Cast<string>());
        var env = objects.Where(resource => resource.Kind() is "Deployment")
            .SelectMany(deployment => deployment.Map("spec").Map("template").Map("spec").List("containers").Cast<Dictionary<object, object>>())
            .SelectMany(container => container.List("env").Cast<Dictionary<object, object>>().Select(variable => variable.Text("name")));
        return config.Concat(secrets).Concat(env);
    }

    private static IEnumerable<string> DockerfileKeys()
    {
        var text = File.ReadAllText(Path.Combine(DeployFiles.Folder, "Dockerfile"));
        var env = EnvInstruction().Match(text);
        Assert.True(env.Success, "deploy/Dockerfile has no ENV instruction");
        return Assignment().Matches(env.Value).Select(match => match.Groups[1].Value);
    }

    private static IEnumerable<string> EnvFileKeys() =>
        File.ReadAllLines(Path.Combine(DeployFiles.Folder, "embedded.env.sample"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)]);

    // ENV up to the first line that does not end with a backslash.
    [GeneratedRegex(@"^ENV (?:.*\\\r?\n)*.*$", RegexOptions.Multiline)]
    private static partial Regex EnvInstruction();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex Assignment();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Web.Tests.Features.Status;

/// <summary>GET /ready: every dependency checked, 503 naming the one that failed; GET /health stays cheap.</summary>
public sealed class ReadinessTests
{
    private static readonly Uri Ready = new("/ready", UriKind.Relative);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A web node runs no jobs, so nothing recreates a store file the tests delete.
    private static Dictionary<string, string> WebNode => new() { ["Hosting:Role"] = "Web" };

    [Fact]
    public async Task Ready_Answers200_WithEveryDependencyChecked()
    {
        await using var app = new TestApp(WebNode);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(Ready, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("ready", report.GetProperty("status").GetString());
        Assert.Equal(
            ["app-database", "index-writes", "ingestion-store", "jobs", "search"],
            Checks(report).Select(check => check.Name).Order(StringComparer.Ordinal));
        Assert.All(Checks(report), check => Assert.Equal("ok", check.Status));
    }

    [Theory]
    [InlineData("app.db", "app-database")]
    [InlineData("ingestion.db", "ingestion-store")]
    public async Task Ready_Answers503_NamingTheStoreThatNoLongerOpens(string file, string check)
    {
        await using var app = new TestApp(WebNode);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Ready, Cancel)).StatusCode);

        File.Delete(Path.Combine(app.DataFolder, file));
        using var response = await client.GetAsync(Ready, Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("not ready", report.GetProperty("status").GetString());
        Assert.Equal([check], Checks(report).Where(result => result.Status == "failed").Select(result => result.Name));
    }

    [Fact]
    public async Task Ready_Answers503_NamingTheSearchEngine_WhenElasticsearchDoesNotAnswer()
    {
        var settings = WebNode;
        settings["Search:Engine"] = "Elasticsearch";
        settings["Search:Elasticsearch:Urls:0"] = $"http://127.0.0.1:{ClosedPort()}";
        settings["Search:Elasticsearch:RetryCount"] = "0";
        await using var app = new TestApp(settings);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(Ready, Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var failed = Assert.Single(Checks(await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)), result => result.Status == "failed");
        Assert.Equal("search", failed.Name);
        Assert.False(string.IsNullOrWhiteSpace(failed.Detail));
    }

    private static List<CheckResult> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray()
            .Select(check => new CheckResult(
                check.GetProperty("name").GetString()!,
                check.GetProperty("status").GetString()!,
                check.GetProperty("detail").GetString()))
            .ToList();

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // nothing listens there once the listener stops
    }

    private sealed record CheckResult(string Name, string Status, string? Detail);
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Web.Tests.Features.Ingest;

/// <summary>The push API in the whole app, with Hangfire in memory and the inbox in a temporary folder.</summary>
public sealed class IngestEndpointsTests : IAsyncDisposable
{
    private const string Key = "test-key-3f9a";
    private static readonly Uri Articles = new("/api/articles", UriKind.Relative);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("monitoring-ingest-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public IngestEndpointsTests() =>
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Jobs:Storage", "InMemory");
            host.UseSetting("Ingestion:SeedsPath", RepositoryPaths.Seeds);
            host.UseSetting("Ingestion:IngestSeedsOnStart", "false");
            host.UseSetting("Ingestion:StorePath", StorePath);
            host.UseSetting("Search:Lucene:IndexPath", Path.Combine(_dataFolder, "index"));
            host.UseSetting("IngestApi:ApiKeys:0", Key);
            host.UseSetting("IngestApi:MaxRequestBytes", "65536");
        });

    private string StorePath => Path.Combine(_dataFolder, "ingestion.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AMissingOrWrongKey_Gets401_AndNothingIsStored(string? key)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Post(Story(1), key), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task OneArticle_Gets202_OnceStored_AndBecomesSearchable()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Post(Story(1)), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(1, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(1, await StoredCountAsync()); // on disk when the 202 arrives
        await WaitForArticlesAsync(client, 1);
        var page = await client.GetStringAsync(new Uri("/search?q=Brussels", UriKind.Relative), Cancel);
        Assert.Contains("Story 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatch_IsStoredWhole()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Post(new[] { Story(1), Story(2), Story(3) }), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, await StoredCountAsync());
    }

    [Fact]
    public async Task InvalidItems_Get400_SayingWhichFieldOfWhichItem_AndNothingIsStored()
    {
        using var client = _factory.CreateClient();
        var batch = new object[]
        {
            Story(1),
            new { text = "No title here.", source = "Test Wire" },
            new { title = "Bad link", text = "Body.", source = "Test Wire", url = "ftp://example.org/x", published = "someday" },
            new { title = 42, text = "Body.", source = "Test Wire" },
        };

        using var response = await client.SendAsync(Post(batch), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal(
            ["items[1].title", "items[2].published", "items[2].url", "items[3].title"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal("is required", errors.GetProperty("items[1].title")[0].GetString());
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task ABodyThatIsNoJson_Gets400()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = new StringContent("<rss/>", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Key);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.StartsWith("is not valid JSON", errors.GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestOverTheSizeLimit_Gets413()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Post(Story(1) with { Text = new string('x', 70_000) }), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private static IncomingArticle Story(int number) => new()
    {
        Title = $"Story {number}: Serbia and Kosovo talks in Brussels",
        Text = $"Belgrade and Pristina negotiators met in Brussels for round {number}.",
        Source = "Test Wire",
        Url = $"https://news.example.org/story/{number}",
        Published = "2025-11-03T10:00:00Z",
    };

    private static HttpRequestMessage Post(object body, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = JsonContent.Create(body, options: IncomingArticle.Json) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    private async Task<int> StoredCountAsync()
    {
        if (!File.Exists(StorePath))
        {
            return 0;
        }

        using var db = IngestionStore.Open(StorePath);
        return await db.InboxItems.CountAsync(Cancel);
    }

    private static async Task WaitForArticlesAsync(HttpClient client, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative), Cancel);
            if (health.GetProperty("articles").GetInt64() >= expected)
            {
                return;
            }

            await Task.Delay(200, Cancel);
        }

        Assert.Fail($"Fewer than {expected} articles were indexed within 30 s.");
    }
}

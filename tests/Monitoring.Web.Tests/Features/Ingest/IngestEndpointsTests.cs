using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;
using Monitoring.Web.Features.ApiKeys;
using Monitoring.Web.Tests.Data;

namespace Monitoring.Web.Tests.Features.Ingest;

/// <summary>
/// The push API in the whole app, with the inbox (ingestion store) and the API keys (app database) on SQLite
/// files and on one PostgreSQL database (the two classes below); keys are made by the app's
/// <see cref="ApiKeyService"/>, as the admin page makes them, and the inbox is counted through the app's own
/// <see cref="IngestionDbContext"/>.
/// </summary>
public abstract class IngestEndpointsTests : IAsyncLifetime
{
    private static readonly Uri Articles = new("/api/articles", UriKind.Relative);

    private TestApp _app = null!;
    private string _key = "";

    private ApiKeyService Keys => _app.Services.GetRequiredService<ApiKeyService>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>(await StoreSettingsAsync()) { ["IngestApi:MaxRequestBytes"] = "65536" };
        _app = new TestApp(settings: settings);
        _key = (await Keys.CreateAsync("Test wire", [ApiKeyScopes.IngestWrite], "admin", Cancel)).Secret;
    }

    [Fact]
    public async Task TheKeysAndTheInbox_AreInTheStoresUnderTest()
    {
        await using var app = _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        await using var inbox = _app.Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>().CreateDbContext();

        Assert.Equal(ExpectedProvider, app.Database.ProviderName);
        Assert.Equal(ExpectedProvider, inbox.Database.ProviderName);
        Assert.Single(await app.ApiKeys.ToListAsync(Cancel));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("bmm_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AMissingOrUnknownKey_Gets401_AndNothingIsStored(string? key)
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(Post(Story(1), key), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task AKnownIdWithAWrongSecret_Gets401()
    {
        using var client = _app.CreateClient();
        var forged = _key[..^4] + (_key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await client.SendAsync(Post(Story(1), forged), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutTheIngestScope_Gets403_AndNothingIsStored()
    {
        var exportOnly = await Keys.CreateAsync("Exporter", [ApiKeyScopes.ExportRead], "admin", Cancel);
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(Post(Story(1), exportOnly.Secret), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task ARevokedKey_Gets401_WhereItWorkedBefore()
    {
        using var client = _app.CreateClient();
        using (var before = await client.SendAsync(Post(Story(1)), Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        var key = Assert.Single(await Keys.ListAsync(Cancel));
        Assert.True(await Keys.RevokeAsync(key.Id, Cancel));
        using var after = await client.SendAsync(Post(Story(2)), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(1, await StoredCountAsync());
    }

    [Fact]
    public async Task AKeyIsStoredOnlyAsItsHash_AndItsUseIsRecorded()
    {
        using var client = _app.CreateClient();
        var stored = Assert.Single(await Keys.ListAsync(Cancel));
        Assert.Null(stored.LastUsedAt);

        using var response = await client.SendAsync(Post(Story(1)), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        stored = Assert.Single(await Keys.ListAsync(Cancel));
        Assert.NotNull(stored.LastUsedAt);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(_key)), stored.Hash);
        Assert.StartsWith("bmm_" + stored.Prefix + "_", _key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportKey_DownloadsTheSearchExport_WithoutSigningIn()
    {
        var exporter = await Keys.CreateAsync("Exporter", [ApiKeyScopes.ExportRead], "admin", Cancel);
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search/export.json?q=Kosovo");
        request.Headers.Add(ApiKeyAuthentication.Header, exporter.Secret);
        using var withIngestKey = new HttpRequestMessage(HttpMethod.Get, "/api/search/export.json?q=Kosovo");
        withIngestKey.Headers.Add(ApiKeyAuthentication.Header, _key);

        using var response = await client.SendAsync(request, Cancel);
        using var refused = await client.SendAsync(withIngestKey, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kosovo", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("export").GetProperty("query").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task OneArticle_Gets202_OnceStored_AndBecomesSearchable()
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(Post(Story(1)), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(1, accepted.GetProperty("accepted").GetInt32());
        Assert.Equal(1, await StoredCountAsync()); // on disk when the 202 arrives
        await WaitForArticlesAsync(client, 1);
        await _app.CreateUserAsync("reader", Monitoring.Web.Features.Account.Roles.Analyst);
        using var reader = await _app.SignedInClientAsync("reader");
        var page = await reader.GetStringAsync(new Uri("/search?q=Brussels", UriKind.Relative), Cancel);
        Assert.Contains("Story 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatch_IsStoredWhole()
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(Post(new[] { Story(1), Story(2), Story(3) }), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, await StoredCountAsync());
    }

    [Fact]
    public async Task InvalidItems_Get400_SayingWhichFieldOfWhichItem_AndNothingIsStored()
    {
        using var client = _app.CreateClient();
        var batch = new object[]
        {
            Story(1),
            new { text = " ", source = "Test Wire" },
            new { title = "Bad link", text = "Body.", source = "Test Wire", url = "ftp://example.org/x", published = "someday" },
            new { title = 42, text = "Body.", source = "Test Wire" },
        };

        using var response = await client.SendAsync(Post(batch), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal(
            ["items[1].title", "items[2].published", "items[2].url", "items[3].title"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        Assert.Equal("is required when there is no text (or html)", errors.GetProperty("items[1].title")[0].GetString());
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task ABodyThatIsNoJson_Gets400()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = new StringContent("<rss/>", Encoding.UTF8, "application/json") };
        request.Headers.Add(ApiKeyAuthentication.Header, _key);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.StartsWith("is not valid JSON", errors.GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task ABodyDeclaredAsSomethingElseThanJson_Gets415_AndNothingIsStored(string contentType)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Story(1), IncomingArticle.Json)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add(ApiKeyAuthentication.Header, _key);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("must be JSON", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task ABodyThatIsNotUtf8_IsReportedAsNotUtf8_WithWhere()
    {
        using var client = _app.CreateClient();
        var latin1 = Encoding.Latin1.GetBytes("""{"title":"Vučić u Briselu","text":"Beograd – Priština","source":"Test Wire"}""".Replace('č', 'è'));
        using var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = new ByteArrayContent(latin1) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(ApiKeyAuthentication.Header, _key);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("is not valid UTF-8 (byte 12); send JSON in UTF-8", errors.GetProperty("body")[0].GetString());
        Assert.Equal(0, await StoredCountAsync());
    }

    [Fact]
    public async Task AnEscapedNul_IsRemoved_AndTheArticleIsIndexed()
    {
        using var client = _app.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"title":"Story\u0000 7: talks in Brussels","text":"Belgrade and Pristina\u0000 met.","source":"Test\u0000 Wire"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(ApiKeyAuthentication.Header, _key);

        using var response = await client.SendAsync(request, Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancel));
        await WaitForArticlesAsync(client, 1);
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>().CreateDbContext();
        Assert.Equal("Test Wire", (await db.KnownArticles.SingleAsync(Cancel)).Source);
    }

    [Fact]
    public async Task ARequestOverTheSizeLimit_Gets413()
    {
        using var client = _app.CreateClient();

        using var response = await client.SendAsync(Post(Story(1) with { Text = new string('x', 70_000) }), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredCountAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static IncomingArticle Story(int number) => new()
    {
        Title = $"Story {number}: Serbia and Kosovo talks in Brussels",
        Text = $"Belgrade and Pristina negotiators met in Brussels for round {number}.",
        Source = "Test Wire",
        Url = $"https://news.example.org/story/{number}",
        Published = "2025-11-03T10:00:00Z",
    };

    private HttpRequestMessage Post(object body) => Post(body, _key);

    private static HttpRequestMessage Post(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Articles) { Content = JsonContent.Create(body, options: IncomingArticle.Json) };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyAuthentication.Header, key);
        }

        return request;
    }

    /// <summary>Where the app keeps its stores in one test.</summary>
    protected abstract Task<Dictionary<string, string>> StoreSettingsAsync();

    /// <summary>The EF Core provider both stores must be on.</summary>
    protected abstract string ExpectedProvider { get; }

    private async Task<int> StoredCountAsync()
    {
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>().CreateDbContext();
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

public sealed class IngestEndpointsOnSqliteTests : IngestEndpointsTests
{
    protected override string ExpectedProvider => "Microsoft.EntityFrameworkCore.Sqlite";

    protected override Task<Dictionary<string, string>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string>());
}

public sealed class IngestEndpointsOnPostgreSqlTests(PostgreSqlServer postgres) : IngestEndpointsTests
{
    protected override string ExpectedProvider => "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override async Task<Dictionary<string, string>> StoreSettingsAsync() => AppOnPostgreSqlTests.OnPostgreSql(await postgres.CreateDatabaseAsync());
}

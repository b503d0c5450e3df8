using System.Net;
using System.Net.Http.Json;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests;

/// <summary>
/// The whole composition root in-process, with Hangfire's in-memory storage: services resolve, options
/// validate, the seed job runs on start and the pages answer an editor signed in through the login form.
/// </summary>
public sealed class AppStartTests : IAsyncDisposable
{
    internal const int ShippedArticles = 1_181;

    private readonly TestApp _app = new(ingestSeeds: true);

    [Fact]
    public async Task OnFirstStart_TheSeedsAreIngested_AndThePagesAnswer()
    {
        await _app.CreateUserAsync("desk", Roles.Editor);
        using var client = await _app.SignedInClientAsync("desk");

        await WaitForArticlesAsync(client, ShippedArticles);

        var front = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Tension this week", front, StringComparison.Ordinal);
        var search = await client.GetStringAsync(new Uri("/search?q=Shoigu", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Search coverage", search, StringComparison.Ordinal);
        var trends = await client.GetAsync(new Uri("/trends", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, trends.StatusCode);
        var sources = await client.GetStringAsync(new Uri("/sources", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Balkan Insight (BIRN)", sources, StringComparison.Ordinal); // seeds/sources.json, loaded on first start

        // A first start on an empty data folder logs no error (the key ring was once read before its table existed).
        Assert.Empty(_app.Errors);
    }

    [Fact]
    public async Task AMissingSeedsFolder_StopsTheStart_WithAMessageSayingWhatToSet()
    {
        await using var misconfigured = _app.Factory.WithWebHostBuilder(host =>
            host.UseSetting("Ingestion:SeedsPath", Path.Combine(Path.GetTempPath(), "monitoring-nowhere-" + Guid.NewGuid())));

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        // The host logs why it stopped before it throws. The test host may then surface an ObjectDisposedException
        // instead (it asks the already disposed host for its lifetime when the app's start failed first), so the
        // message is looked for in what the app logged as well as in what was thrown.
        var logged = string.Join(Environment.NewLine, _app.Errors);
        Assert.Contains("Ingestion:SeedsPath", failure + Environment.NewLine + logged, StringComparison.Ordinal);
        Assert.Contains("Hosting failed to start", logged, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    internal static async Task WaitForArticlesAsync(HttpClient client, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long articles = 0;
        while (DateTime.UtcNow < deadline)
        {
            articles = (await client.GetFromJsonAsync<Health>(new Uri("/health", UriKind.Relative)))!.Articles;
            if (articles >= expected)
            {
                Assert.Equal(expected, articles);
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Only {articles} of {expected} articles were indexed within 60 s.");
    }

    private sealed record Health(string Status, long Articles);
}

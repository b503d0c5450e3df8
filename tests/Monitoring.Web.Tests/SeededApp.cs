using System.Net;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests;

/// <summary>One app with the demo corpus for a test class (ingesting it takes seconds), and an analyst signed in.</summary>
public sealed class SeededApp : IAsyncLifetime
{
    private readonly TestApp _app = new(ingestSeeds: true);
    private HttpClient? _client;

    /// <summary>Signed in as an analyst, who may read and export.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The app is not started yet.");

    public IServiceProvider Services => _app.Services;

    public async ValueTask InitializeAsync()
    {
        await _app.CreateUserAsync("reader", Roles.Analyst);
        _client = await _app.SignedInClientAsync("reader");
        await AppStartTests.WaitForArticlesAsync(_client, AppStartTests.ShippedArticles);
    }

    public async Task<string> PageAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _app.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Web.Features.ApiKeys;

namespace Monitoring.Web.Tests.Features.Account;

/// <summary>The rate limits on the sign-in form's posts and on the push API, set low to be reached.</summary>
public sealed class RateLimitingTests : IAsyncDisposable
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string>
    {
        ["RateLimiting:LoginPermitLimit"] = "3",
        ["RateLimiting:LoginWindow"] = "00:10:00",
        ["RateLimiting:IngestPermitLimit"] = "2",
        ["RateLimiting:IngestWindow"] = "00:10:00",
    });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFourthSignInPostInTheWindow_Gets429_WhileTheFormItselfStillLoads()
    {
        using var client = _app.CreateClient();
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Cancel);
        var form = TestApp.HiddenFields(page);
        form["Input.UserName"] = "nobody";
        form["Input.Password"] = "wrong wrong wrong";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content, Cancel);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 says when to retry.");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var formAgain = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, formAgain.StatusCode);
    }

    [Fact]
    public async Task TheThirdPushInTheWindow_Gets429()
    {
        var key = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("Busy wire", [ApiKeyScopes.IngestWrite], "admin", Cancel);
        using var client = _app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var push = 1; push <= 3; push++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
            {
                Content = JsonContent.Create(new { title = $"Story {push}", text = "Belgrade and Pristina met in Brussels.", source = "Busy wire" }),
            };
            request.Headers.Add(ApiKeyAuthentication.Header, key.Secret);
            using var response = await client.SendAsync(request, Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests.Data;

/// <summary>
/// Web nodes behind one proxy share the app database, and with it the keys that protect sign-in cookies: a
/// cookie one node issued is good on another.
/// </summary>
public sealed class SharedDataProtectionKeysTests : IAsyncDisposable
{
    private readonly TestApp _first = new();
    private TestApp? _second;
    private TestApp? _stranger;

    [Fact]
    public async Task ASignInCookieFromOneNode_IsAcceptedByAnotherOnTheSameDatabase_AndNotByOneOnAnother()
    {
        await _first.CreateUserAsync("reader", Roles.Analyst);
        using var signingIn = _first.CreateClient();
        using var signedIn = await TestApp.SignInAsync(signingIn, "reader", TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie")
            .Select(header => header.Split(';')[0])
            .Where(pair => pair.StartsWith("monitoring.auth=", StringComparison.Ordinal)));
        Assert.NotEmpty(cookie);

        _second = new TestApp(settings: new Dictionary<string, string> { ["AppData:SqlitePath"] = _first.AppDatabasePath });
        _stranger = new TestApp();

        Assert.Equal(HttpStatusCode.OK, (await GetSearchAsync(_second, cookie)).StatusCode);
        var refused = await GetSearchAsync(_stranger, cookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(AccountServiceCollectionExtensions.LoginPath, refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_stranger is not null)
        {
            await _stranger.DisposeAsync();
        }
    }

    private static async Task<HttpResponseMessage> GetSearchAsync(TestApp node, string cookie)
    {
        using var client = node.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/search", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

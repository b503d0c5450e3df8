using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Web.Tests.Features.Security;

/// <summary>
/// Behind the reverse proxy every request arrives from the proxy; the rate limits must still count each client.
/// The sign-in limit is one post per window here, and every request arrives from the address the test gives.
/// </summary>
public sealed class ProxyHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task FromAKnownProxy_EachForwardedClientHasItsOwnLimit()
    {
        await using var app = AppBehind(arrivingFrom: Proxy);

        Assert.Equal(HttpStatusCode.OK, await SignInPostAsync(app, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInPostAsync(app, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SignInPostAsync(app, forwardedFor: "203.0.113.2"));
    }

    [Fact]
    public async Task AnAddressTheClientForwardsItself_IsNotBelieved_OnlyTheOneTheProxyAppended()
    {
        await using var app = AppBehind(arrivingFrom: Proxy);

        // nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends the address it saw.
        Assert.Equal(HttpStatusCode.OK, await SignInPostAsync(app, forwardedFor: "203.0.113.1, 198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInPostAsync(app, forwardedFor: "203.0.113.2, 198.51.100.7"));
    }

    [Fact]
    public async Task FromAnUnknownAddress_TheForwardedHeaderIsIgnored_AndTheSenderIsCounted()
    {
        await using var app = AppBehind(arrivingFrom: "192.0.2.9");

        Assert.Equal(HttpStatusCode.OK, await SignInPostAsync(app, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInPostAsync(app, forwardedFor: "203.0.113.2"));
    }

    [Fact]
    public async Task AnAddressThatIsNotOne_StopsTheStart_SayingWhichSetting()
    {
        await using var app = new TestApp(settings: new Dictionary<string, string>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks: '10.0.0.0/33'", failure.ToString(), StringComparison.Ordinal);
    }

    private static TestApp AppBehind(string arrivingFrom) => new(
        settings: new Dictionary<string, string>
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["RateLimiting:LoginPermitLimit"] = "1",
            ["RateLimiting:LoginWindow"] = "00:10:00",
        },
        services: services => services.AddSingleton<IStartupFilter>(new ArrivingFrom(IPAddress.Parse(arrivingFrom))));

    private static async Task<HttpStatusCode> SignInPostAsync(TestApp app, string forwardedFor)
    {
        using var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var form = TestApp.HiddenFields(page);
        form["Input.UserName"] = "nobody";
        form["Input.Password"] = "wrong wrong wrong";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>The in-process server has no network: this gives every request the sender's address, as a socket would.</summary>
    private sealed class ArrivingFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

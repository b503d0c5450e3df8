using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests.Features.Account;

/// <summary>
/// Every page and endpoint the app maps × anonymous, analyst, editor, admin → the status each must get.
/// The routes are read from the app's endpoint data sources, so a new page or endpoint that is missing
/// from <see cref="Expected"/> (or carries no explicit policy) fails here.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncDisposable
{
    private readonly TestApp _app = new();

    /// <summary>Who may use what. Sample paths fill in route parameters.</summary>
    private static readonly Dictionary<string, (string Method, Access Needs, string Sample)> Expected = new(StringComparer.Ordinal)
    {
        ["/account/login"] = ("GET", Access.Anyone, "/account/login"),
        ["/account/setup"] = ("GET", Access.Anyone, "/account/setup"),
        ["/health"] = ("GET", Access.Anyone, "/health"),
        ["/ready"] = ("GET", Access.Anyone, "/ready"),
        ["/account/password"] = ("GET", Access.SignedIn, "/account/password"),
        ["/account/access-denied"] = ("GET", Access.SignedIn, "/account/access-denied"),
        ["/account/logout"] = ("POST", Access.SignedIn, "/account/logout"),
        ["/"] = ("GET", Access.Analyst, "/"),
        ["/overview"] = ("GET", Access.Analyst, "/overview"),
        ["/search"] = ("GET", Access.Analyst, "/search?q=Kosovo"),
        ["/articles/{Id}"] = ("GET", Access.Analyst, "/articles/0123456789abcdef"),
        ["/stories/{Key}"] = ("GET", Access.Analyst, "/stories/0123456789abcdef"),
        ["/trends"] = ("GET", Access.Analyst, "/trends"),
        ["/api/search/export.csv"] = ("GET", Access.Analyst, "/api/search/export.csv?q=Kosovo"),
        ["/api/search/export.json"] = ("GET", Access.Analyst, "/api/search/export.json?q=Kosovo"),
        ["/api/trends/{chart}.csv"] = ("GET", Access.Analyst, "/api/trends/coverage.csv"),
        ["/sources"] = ("GET", Access.Editor, "/sources"),
        ["/events"] = ("GET", Access.Editor, "/events"),
        ["/alerts"] = ("GET", Access.Editor, "/alerts"),
        ["/alerts/inbox"] = ("GET", Access.Analyst, "/alerts/inbox"),
        ["/alerts/new"] = ("GET", Access.Editor, "/alerts/new?q=Kosovo"),
        ["/alerts/{Id:guid}"] = ("GET", Access.Editor, "/alerts/6f1c2b9e-8f7a-4c1e-9d35-2a7b4e0c5d11"),
        ["/admin/users"] = ("GET", Access.Admin, "/admin/users"),
        ["/admin/api-keys"] = ("GET", Access.Admin, "/admin/api-keys"),
        ["/jobs/{**path}"] = ("GET", Access.Admin, "/jobs"),
        ["/api/articles"] = ("POST", Access.ApiKey, "/api/articles"),
    };

    public enum Access
    {
        Anyone,
        SignedIn,
        Analyst,
        Editor,
        Admin,
        ApiKey,
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryRoute_IsInTheMatrix_AndNamesItsPolicyExplicitly()
    {
        var routes = AppRoutes();

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), routes.Keys.Order(StringComparer.Ordinal));
        Assert.All(routes, route =>
        {
            var (pattern, endpoint) = route;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToList();
            Assert.True(anonymous || (policies.Count > 0 && policies.All(policy => policy is not null)), $"{pattern} names no policy.");
            Assert.Equal(Expected[pattern].Needs == Access.Anyone, anonymous);
        });
    }

    [Fact]
    public void StylesAndScripts_AreOpen_AndTheBlazorHub_IsNot()
    {
        var endpoints = Endpoints().ToList();

        var assets = endpoints.Where(IsStaticAsset).ToList();
        Assert.Contains(assets, asset => asset.RoutePattern.RawText!.EndsWith("app.css", StringComparison.Ordinal));
        Assert.All(assets, asset => Assert.NotNull(asset.Metadata.GetMetadata<IAllowAnonymous>()));
        var hub = endpoints.Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hub);
        Assert.All(hub, endpoint => Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>())); // the fallback policy: signed in
    }

    [Fact]
    public async Task EachRoute_AnswersEachRole_AsTheMatrixSays()
    {
        await _app.CreateUserAsync("ana", Roles.Analyst);
        await _app.CreateUserAsync("eddie", Roles.Editor);
        await _app.CreateUserAsync("ada", Roles.Admin);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["anonymous"] = _app.CreateClient(),
            [Roles.Analyst] = await _app.SignedInClientAsync("ana"),
            [Roles.Editor] = await _app.SignedInClientAsync("eddie"),
            [Roles.Admin] = await _app.SignedInClientAsync("ada"),
        };

        var failures = new List<string>();
        foreach (var (pattern, (method, needs, sample)) in Expected.OrderBy(route => route.Key, StringComparer.Ordinal))
        {
            foreach (var (who, client) in clients)
            {
                var expected = ExpectedAnswer(sample, needs, who);
                using var request = new HttpRequestMessage(new HttpMethod(method), sample);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.SendAsync(request, Cancel);
                var actual = Describe(response);
                if (actual != expected)
                {
                    failures.Add($"{method} {sample} as {who}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>
    /// Pages send strangers to the login page and the wrong role to the access-denied page; APIs answer 401
    /// and 403. The push API takes API keys only, so a browser's sign-in gets 401 there. A signed-in
    /// sign-out without the form's antiforgery token is refused (400).
    /// </summary>
    private static string ExpectedAnswer(string sample, Access needs, string who)
    {
        var api = sample.StartsWith("/api/", StringComparison.Ordinal);
        var rank = who switch
        {
            "anonymous" => -1,
            _ => Roles.All.ToList().IndexOf(who),
        };
        if (needs == Access.Anyone)
        {
            return "200";
        }

        if (needs == Access.ApiKey)
        {
            return "401";
        }

        if (rank < 0)
        {
            return api ? "401" : "redirect " + AccountServiceCollectionExtensions.LoginPath;
        }

        var needed = needs switch
        {
            Access.SignedIn => 0,
            Access.Analyst => 0,
            Access.Editor => 1,
            _ => 2,
        };
        if (rank < needed)
        {
            return api ? "403" : "redirect " + AccountServiceCollectionExtensions.AccessDeniedPath;
        }

        return sample == AccountServiceCollectionExtensions.LogoutPath ? "400" : "200";
    }

    private static string Describe(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            ? "redirect " + new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The app's own routes: everything but static files and Blazor's plumbing.</summary>
    private Dictionary<string, RouteEndpoint> AppRoutes() =>
        Endpoints()
            .Where(endpoint => !IsStaticAsset(endpoint) && !IsFramework(endpoint))
            .GroupBy(endpoint => endpoint.RoutePattern.RawText!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    private IEnumerable<RouteEndpoint> Endpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(item => item.GetType().Name == "StaticAssetDescriptor");

    private static bool IsFramework(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText!.StartsWith("/_blazor", StringComparison.Ordinal)
        || endpoint.RoutePattern.RawText == "/_framework/opaque-redirect"
        || endpoint.Metadata.Any(item => item.GetType().Name == "FallbackMetadata");
}

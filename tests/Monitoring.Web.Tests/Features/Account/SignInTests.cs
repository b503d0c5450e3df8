using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Tests.Data;

namespace Monitoring.Web.Tests.Features.Account;

/// <summary>
/// Signing in and out, lockout, and the password an admin chose, through the real forms; with the accounts on
/// SQLite and on PostgreSQL (the two classes below).
/// </summary>
public abstract class SignInTests : IAsyncLifetime
{
    private TestApp _app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SigningIn_LeadsBackToThePageAsked_AndSigningOut_EndsTheSession()
    {
        await _app.CreateUserAsync("ana", Roles.Analyst);
        using var client = _app.CreateClient();

        using var refused = await client.GetAsync(new Uri("/trends?interval=year", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Ftrends%3Finterval%3Dyear", TestApp.Target(refused));

        using var signedIn = await TestApp.SignInAsync(client, "ana", TestApp.Password, "/trends?interval=year");
        Assert.Equal("/trends?interval=year", TestApp.Target(signedIn));
        using var trends = await client.GetAsync(new Uri("/trends?interval=year", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, trends.StatusCode);
        var page = await trends.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("id=\"user-menu\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/sources\"", page, StringComparison.Ordinal); // an analyst's menu has no editor pages

        using var signedOut = await TestApp.PostFormAsync(client, AccountServiceCollectionExtensions.AccessDeniedPath, [], formAction: AccountServiceCollectionExtensions.LogoutPath);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await client.GetAsync(new Uri("/trends", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", TestApp.Target(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnUrlToAnotherSite_IsIgnored()
    {
        await _app.CreateUserAsync("ana", Roles.Analyst);
        using var client = _app.CreateClient();

        using var response = await TestApp.SignInAsync(client, "ana", TestApp.Password, "//evil.example/phish");

        Assert.Equal("/", TestApp.Target(response));
    }

    [Fact]
    public async Task AWrongPassword_ShowsTheFormAgain_SayingSo()
    {
        await _app.CreateUserAsync("ana", Roles.Analyst);
        using var client = _app.CreateClient();

        using var response = await TestApp.SignInAsync(client, "ana", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri("/search", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task ThreeWrongPasswords_LockTheAccount_SoEvenTheRightOneIsRefused()
    {
        var user = await _app.CreateUserAsync("ana", Roles.Analyst);
        using var client = _app.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var wrong = await TestApp.SignInAsync(client, "ana", "guess number " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await TestApp.SignInAsync(client, "ana", TestApp.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id);
        Assert.True(await users.IsLockedOutAsync(stored!));
        Assert.InRange(stored!.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task APasswordChosenByAnAdmin_MustBeChanged_BeforeAnyPage()
    {
        await _app.CreateUserAsync("newbie", Roles.Editor, mustChangePassword: true);
        using var client = _app.CreateClient();

        using var signedIn = await TestApp.SignInAsync(client, "newbie", TestApp.Password, "/alerts");
        Assert.Equal("/account/password?ReturnUrl=%2Falerts", TestApp.Target(signedIn));
        using var blocked = await client.GetAsync(new Uri("/alerts", UriKind.Relative), Cancel);
        Assert.Equal("/account/password?ReturnUrl=%2Falerts", TestApp.Target(blocked));

        using var tooShort = await ChangePasswordAsync(client, TestApp.Password, "short", "/alerts");
        Assert.Contains("Passwords must be at least 12 characters.", await tooShort.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var changed = await ChangePasswordAsync(client, TestApp.Password, "my own long passphrase", "/alerts");
        Assert.Equal("/alerts", TestApp.Target(changed));

        using var alerts = await client.GetAsync(new Uri("/alerts", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        using var other = _app.CreateClient();
        using var withOld = await TestApp.SignInAsync(other, "newbie", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode); // the old one is refused: the form again
        using var withNew = await TestApp.SignInAsync(other, "newbie", "my own long passphrase");
        Assert.Equal("/", TestApp.Target(withNew));
    }

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>(await StoreSettingsAsync())
        {
            ["Account:MaxFailedAttempts"] = "3",
            ["RateLimiting:LoginPermitLimit"] = "1000",
        };
        _app = new TestApp(settings: settings);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Where the app keeps its stores in one test.</summary>
    protected abstract Task<Dictionary<string, string>> StoreSettingsAsync();

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string replacement, string returnUrl) =>
        TestApp.PostFormAsync(client, "/account/password?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new()
        {
            ["Input.Current"] = current,
            ["Input.New"] = replacement,
            ["Input.Confirm"] = replacement,
        });
}

public sealed class SignInOnSqliteTests : SignInTests
{
    protected override Task<Dictionary<string, string>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string>());
}

public sealed class SignInOnPostgreSqlTests(PostgreSqlServer postgres) : SignInTests
{
    protected override async Task<Dictionary<string, string>> StoreSettingsAsync() => AppOnPostgreSqlTests.OnPostgreSql(await postgres.CreateDatabaseAsync());
}


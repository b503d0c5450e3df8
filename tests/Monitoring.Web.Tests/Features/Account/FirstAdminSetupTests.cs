using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Tests.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Account;

/// <summary>The first admin, made with the one-time link the app logs when it starts with no users.</summary>
public sealed partial class FirstAdminSetupTests : IAsyncDisposable
{
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow);
    private readonly TestApp _app;

    public FirstAdminSetupTests() => _app = new TestApp(clock: _clock);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLoggedLink_CreatesTheFirstAdmin_SignsThemIn_AndWorksOnce()
    {
        var link = SetupLink();
        using var browser = _app.CreateClient();

        using var created = await CreateAdminAsync(browser, link, "chief", "a long first password");

        Assert.Equal("/", TestApp.Target(created));
        using var users = await browser.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("chief (you)", await users.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(["chief"], await AdminsAsync());

        using var again = _app.CreateClient();
        var page = await again.GetStringAsync(new Uri(link, UriKind.Relative), Cancel);
        Assert.Contains("id=\"setup-invalid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"setup-user\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordBreakingTheRules_CreatesNobody_AndTheLinkStillWorks()
    {
        var link = SetupLink();
        using var browser = _app.CreateClient();

        using var refused = await CreateAdminAsync(browser, link, "chief", "short");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Passwords must be at least 12 characters.", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await AdminsAsync());
        using var created = await CreateAdminAsync(browser, link, "chief", "a long first password");
        Assert.Equal("/", TestApp.Target(created));
    }

    [Fact]
    public async Task AnExpiredLink_IsRefused()
    {
        var link = SetupLink();
        using var browser = _app.CreateClient();
        var form = await browser.GetStringAsync(new Uri(link, UriKind.Relative), Cancel);
        Assert.Contains("id=\"setup-user\"", form, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(24));
        var fields = TestApp.HiddenFields(form);
        fields["Input.UserName"] = "late";
        fields["Input.Password"] = fields["Input.Confirm"] = "a long first password";
        using var content = new FormUrlEncodedContent(fields);
        using var response = await browser.PostAsync(new Uri(link, UriKind.Relative), content, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This setup link is not valid any more.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await AdminsAsync());
    }

    [Fact]
    public async Task AGuessedToken_IsRefused()
    {
        _ = SetupLink();
        using var browser = _app.CreateClient();

        var page = await browser.GetStringAsync(new Uri("/account/setup?token=guess", UriKind.Relative), Cancel);

        Assert.Contains("id=\"setup-invalid\"", page, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The path and query of the link in the log (the in-process server has no address of its own).</summary>
    private string SetupLink()
    {
        _ = _app.Services; // starts the app
        var line = Assert.Single(_app.Log, line => line.Contains("Create the first admin at", StringComparison.Ordinal));
        return new Uri(LinkIn().Match(line).Value).PathAndQuery;
    }

    private static Task<HttpResponseMessage> CreateAdminAsync(HttpClient browser, string link, string name, string password) =>
        TestApp.PostFormAsync(browser, link, new()
        {
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        });

    private async Task<List<string>> AdminsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return [.. (await users.GetUsersInRoleAsync(Roles.Admin)).Select(user => user.UserName!)];
    }

    [GeneratedRegex(@"http://\S+/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkIn();
}

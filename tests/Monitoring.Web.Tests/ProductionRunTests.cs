using System.Net;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Security;

namespace Monitoring.Web.Tests;

/// <summary>
/// The app as a user runs it on one machine: README's <c>dotnet run</c> (the default launch profile) and the built
/// program started on its own, both in Production, each a real process on a free port with its data in a
/// temporary folder. Production must serve the packages' static files (MudBlazor's) from the build output, and
/// must never show a stack trace.
/// </summary>
public sealed class ProductionRunTests : IDisposable
{
    private const string MudBlazorStyles = "/_content/MudBlazor/MudBlazor.min.css";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-production-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheBuiltApp_StartedInProduction_ServesMudBlazorsStaticFiles()
    {
        await using var app = await AppProcess.LaunchAsync("dotnet", [AppProcess.WebAssembly, "--environment", "Production", .. Settings()]);

        await AssertServesStylesAsync(app);
        using var login = await app.Http.GetAsync(new Uri(AccountServiceCollectionExtensions.LoginPath, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", await login.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadmesRunCommand_StartsInProduction_ServesTheStaticFiles_AndKeepsDevelopmentAvailableByName()
    {
        // README: "dotnet run --project src/Monitoring.Web"; --no-build because the test build made it already.
        await using var app = await AppProcess.LaunchAsync(
            "dotnet", ["run", "--project", Path.Combine(RepositoryPaths.Root, "src", "Monitoring.Web"), "--no-build", "-c", RepositoryPaths.Configuration, "--", .. Settings()]);

        Assert.Contains("Hosting environment: Production", app.Log, StringComparison.Ordinal);
        await AssertServesStylesAsync(app);
        var profiles = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Monitoring.Web", "Properties", "launchSettings.json"));
        Assert.Contains("\"Development\": {", profiles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadSignOutInProduction_IsA400_WithoutAStackTrace()
    {
        await using var app = new TestApp(settings: new Dictionary<string, string> { ["environment"] = "Production" });
        await app.CreateUserAsync("reader", Roles.Analyst);
        using var client = await app.SignedInClientAsync("reader");

        // No antiforgery token: a forged or broken form.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/search" });
        using var response = await client.PostAsync(new Uri(AccountServiceCollectionExtensions.LogoutPath, UriKind.Relative), form, Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ErrorResponses.Message, body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // Without the build's static web assets manifest the framework answered 200 with no body (or 500), as a
    // browser asks: plain and compressed.
    private static async Task AssertServesStylesAsync(AppProcess app)
    {
        foreach (var encoding in new[] { "identity", "gzip, deflate, br" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(MudBlazorStyles, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            using var styles = await app.Http.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
            Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
            Assert.True((await styles.Content.ReadAsByteArrayAsync(Cancel)).Length > 10_000, $"{MudBlazorStyles} ({encoding}) came empty:\n{app.Log}");
        }
    }

    // Everything the app writes goes to the test's folder; nothing slow at start.
    private string[] Settings() =>
    [
        "--Ingestion:SeedsPath", RepositoryPaths.Seeds,
        "--Ingestion:IngestSeedsOnStart", "false",
        "--Ingestion:Feeds:Enabled", "false",
        .. AppProcess.DataSettings(_folder),
        "--Ingestion:DropFolder", "",
    ];
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
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
        await using var app = await ServingProcess.StartAsync(
            "dotnet", [RepositoryPaths.BuiltProgram("Monitoring.Web", "Monitoring.Web.dll"), "--environment", "Production", .. Settings()]);

        await AssertServesStylesAsync(app);
        using var login = await app.Http.GetAsync(new Uri(AccountServiceCollectionExtensions.LoginPath, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", await login.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadmesRunCommand_StartsInProduction_ServesTheStaticFiles_AndKeepsDevelopmentAvailableByName()
    {
        // README: "dotnet run --project src/Monitoring.Web"; --no-build because the test build made it already.
        await using var app = await ServingProcess.StartAsync(
            "dotnet", ["run", "--project", Path.Combine(RepositoryPaths.Root, "src", "Monitoring.Web"), "--no-build", "-c", Configuration, "--", .. Settings()]);

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
    private static async Task AssertServesStylesAsync(ServingProcess app)
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

    private static string Configuration
    {
        get
        {
            var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            return segments[Array.LastIndexOf(segments, "bin") + 1];
        }
    }

    // Everything the app writes goes to the test's folder; nothing slow at start.
    private string[] Settings() =>
    [
        "--Ingestion:SeedsPath", RepositoryPaths.Seeds,
        "--Ingestion:IngestSeedsOnStart", "false",
        "--Ingestion:Feeds:Enabled", "false",
        "--Search:Lucene:IndexPath", Path.Combine(_folder, "index"),
        "--Jobs:SqlitePath", Path.Combine(_folder, "jobs.db"),
        "--Ingestion:StorePath", Path.Combine(_folder, "ingestion.db"),
        "--AppData:SqlitePath", Path.Combine(_folder, "app.db"),
        "--Ingestion:DropFolder", "",
    ];

    /// <summary>A process serving the app on a free loopback port, killed with its children when disposed.</summary>
    private sealed class ServingProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private ServingProcess(Process process, Uri address)
        {
            _process = process;
            Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        }

        public HttpClient Http { get; }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public static async Task<ServingProcess> StartAsync(string program, string[] arguments)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments.Append("--urls").Append(address.ToString()))
            {
                start.ArgumentList.Add(argument);
            }

            var serving = new ServingProcess(Process.Start(start)!, address);
            serving._process.OutputDataReceived += (_, line) => serving.Append(line.Data);
            serving._process.ErrorDataReceived += (_, line) => serving.Append(line.Data);
            serving._process.BeginOutputReadLine();
            serving._process.BeginErrorReadLine();
            await serving.WaitUntilHealthyAsync();
            return serving;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private async Task WaitUntilHealthyAsync()
        {
            var deadline = DateTime.UtcNow.AddMinutes(3); // a cold start on a busy 2-core machine
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"The app stopped with exit code {_process.ExitCode}:\n{Log}");
                }

                try
                {
                    using var health = await Http.GetAsync(new Uri("/health", UriKind.Relative), Cancel);
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250, Cancel);
            }

            Assert.Fail($"The app did not answer /health within 3 minutes:\n{Log}");
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

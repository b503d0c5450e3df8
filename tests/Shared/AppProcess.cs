using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Tests;

/// <summary>
/// A program of the product (the built web app, or <c>dotnet run</c>) as a separate process on a free loopback port,
/// with what it prints kept for failure messages. The browser tests, the web tests (Production runs, kill and
/// restart) and the web benchmarks all start the app through this one helper.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    /// <summary>How long a start may take: a cold start on a busy 2-core machine, seeds included.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    /// <summary>A client on the app's address that does not follow redirects.</summary>
    public HttpClient Http { get; }

    /// <summary>What the app printed so far.</summary>
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

    /// <summary>The app's process id (the <c>dotnet</c> host runs the app in its own process).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The built web app (<c>src/Monitoring.Web</c>, this configuration), as <c>dotnet</c> runs it.</summary>
    public static string WebAssembly => RepositoryPaths.BuiltProgram("Monitoring.Web", "Monitoring.Web.dll");

    /// <summary>
    /// The built web app on <paramref name="dataFolder"/> with the repository's seeds, waiting until the demo data is
    /// searchable; <paramref name="overrides"/> come last on the command line, so they win over the defaults here (the
    /// benchmarks use them to open a large index instead).
    /// </summary>
    public static async Task<AppProcess> StartAsync(string dataFolder, params string[] overrides)
    {
        var app = await StartWebAsync(dataFolder, overrides);
        await app.WaitForAsync(async http => await ArticleCountAsync(http) > 1_000, "index the seeds");
        return app;
    }

    /// <summary>
    /// The built web app on <paramref name="dataFolder"/> (index, databases and drop folder there), in Development as
    /// the browser tests run it, returned once it answers <c>/health</c>; <paramref name="overrides"/> win.
    /// </summary>
    public static Task<AppProcess> StartWebAsync(string dataFolder, params string[] overrides) =>
        LaunchAsync(
            "dotnet",
            [
                WebAssembly,
                "--environment", "Development",
                "--Ingestion:SeedsPath", RepositoryPaths.Seeds,
                .. DataSettings(dataFolder),
                "--OutboundRequests:AllowedNetworks:0", "127.0.0.1/32", // the journeys' feed server and webhook receiver
                .. overrides,
            ],
            workingDirectory: Path.GetDirectoryName(WebAssembly));

    /// <summary>Settings that put everything the app writes (index, the three databases, the drop folder) in <paramref name="dataFolder"/>.</summary>
    public static string[] DataSettings(string dataFolder) =>
    [
        "--Search:Lucene:IndexPath", Path.Combine(dataFolder, "index"),
        "--Jobs:SqlitePath", Path.Combine(dataFolder, "jobs.db"),
        "--Ingestion:StorePath", Path.Combine(dataFolder, "ingestion.db"),
        "--AppData:SqlitePath", Path.Combine(dataFolder, "app.db"),
        "--Ingestion:DropFolder", Path.Combine(dataFolder, "drop"),
    ];

    /// <summary>
    /// Starts <paramref name="program"/> with <paramref name="arguments"/> and <c>--urls</c> on a free port, and returns
    /// once it answers <c>/health</c> (it fails, with what the program printed, if it exits or takes too long first).
    /// </summary>
    public static async Task<AppProcess> LaunchAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments.Append("--urls").Append(baseAddress.ToString()))
        {
            start.ArgumentList.Add(argument);
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}."), baseAddress);
        app._process.OutputDataReceived += (_, line) => app.Append(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitForAsync(async http => (await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode, "answer /health");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async Task<long> ArticleCountAsync() => await ArticleCountAsync(Http);

    /// <summary>What <c>/health</c> answers now.</summary>
    public async Task<Health> HealthAsync() =>
        await Http.GetFromJsonAsync<Health>(new Uri("/health", UriKind.Relative)) ?? throw new InvalidOperationException("/health answered nothing.");

    /// <summary>The first-admin link the app logs when it starts with no users (waits for it).</summary>
    public async Task<Uri> SetupLinkAsync()
    {
        await WaitForLogAsync("Create the first admin at");
        return new Uri(SetupLinkIn().Match(Log).Value);
    }

    /// <summary>
    /// Creates the first admin the supported way: the setup link from the log, its form posted as a
    /// browser posts it (with the hidden antiforgery fields).
    /// </summary>
    public async Task CreateFirstAdminAsync(string userName, string password)
    {
        var link = await SetupLinkAsync();
        var form = await Http.GetStringAsync(link);
        var fields = HiddenInput().Matches(form)
            .Select(input => (Name: NameOf().Match(input.Value), Value: ValueOf().Match(input.Value)))
            .Where(field => field.Name.Success)
            .ToDictionary(field => field.Name.Groups[1].Value, field => WebUtility.HtmlDecode(field.Value.Groups[1].Value), StringComparer.Ordinal);
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = fields["Input.Confirm"] = password;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Http.PostAsync(link, content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The setup form answered {response.StatusCode}:\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Waits until the inbox holds nothing waiting to be indexed (/health names no oldest pending item).</summary>
    public Task WaitForInboxDrainedAsync() =>
        WaitForAsync(async http => (await http.GetFromJsonAsync<Health>(new Uri("/health", UriKind.Relative)))?.OldestPendingSeconds is null, "inbox drained");

    /// <summary>Waits until the app has printed a line containing <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text) =>
        WaitForAsync(_ => Task.FromResult(Log.Contains(text, StringComparison.Ordinal)), $"log '{text}'");

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds; fails with what the app printed when the app exits or
    /// <paramref name="timeout"/> (<see cref="StartTimeout"/> by default) passes first.
    /// </summary>
    public async Task WaitForAsync(Func<HttpClient, Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? StartTimeout;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it did {what}:\n{Log}");
            }

            try
            {
                if (await condition(Http))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not {what} within {limit}:\n{Log}");
    }

    /// <summary>Ends the app as <c>kill -9</c> does (SIGKILL: no shutdown, no flush), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    private static async Task<long> ArticleCountAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<Health>(new Uri("/health", UriKind.Relative)))?.Articles ?? 0;

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

    [GeneratedRegex(@"http://\S+/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLinkIn();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameOf();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueOf();

    /// <summary>What <c>GET /health</c> answers (the parts tests read).</summary>
    public sealed record Health(string Status, long Articles, double? OldestPendingSeconds);
}

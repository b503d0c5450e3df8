using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// The real app as a separate process on a free loopback port, with the repository's seeds and a data
/// folder of the caller's (so a restart on the same folder is a real restart).
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

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

    /// <summary>
    /// Starts the app and waits until the demo data is searchable; <paramref name="overrides"/> come last on the
    /// command line, so they win over the defaults here (the benchmarks use them to open a large index instead).
    /// </summary>
    public static async Task<AppProcess> StartAsync(string dataFolder, params string[] overrides)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            WebAssembly,
            "--urls", baseAddress.ToString(),
            "--environment", "Development",
            "--Ingestion:SeedsPath", RepositoryPaths.Seeds,
            "--Search:Lucene:IndexPath", Path.Combine(dataFolder, "index"),
            "--Jobs:SqlitePath", Path.Combine(dataFolder, "jobs.db"),
            "--Ingestion:StorePath", Path.Combine(dataFolder, "ingestion.db"),
            "--AppData:SqlitePath", Path.Combine(dataFolder, "app.db"),
            "--Ingestion:DropFolder", Path.Combine(dataFolder, "drop"),
            "--OutboundRequests:AllowedNetworks:0", "127.0.0.1/32", // the journeys' feed server and webhook receiver
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in overrides)
        {
            start.ArgumentList.Add(argument);
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the app."), baseAddress);
        app._process.OutputDataReceived += (_, line) => app.Append(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitForAsync(async http => await ArticleCountAsync(http) > 1_000, "index the seeds");
        return app;
    }

    public async Task<long> ArticleCountAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        return await ArticleCountAsync(http);
    }

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
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress };
        var form = await http.GetStringAsync(link);
        var fields = HiddenInput().Matches(form)
            .Select(input => (Name: NameOf().Match(input.Value), Value: ValueOf().Match(input.Value)))
            .Where(field => field.Name.Success)
            .ToDictionary(field => field.Name.Groups[1].Value, field => WebUtility.HtmlDecode(field.Value.Groups[1].Value), StringComparer.Ordinal);
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = fields["Input.Confirm"] = password;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(link, content);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<long> ArticleCountAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<Health>(new Uri("/health", UriKind.Relative)))?.Articles ?? 0;

    private async Task WaitForAsync(Func<HttpClient, Task<bool>> condition, string what)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if (await condition(http))
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

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not {what} within {StartTimeout}:\n{Log}");
    }

    private static string WebAssembly => RepositoryPaths.BuiltProgram("Monitoring.Web", "Monitoring.Web.dll");

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

    private sealed record Health(string Status, long Articles, double? OldestPendingSeconds);
}

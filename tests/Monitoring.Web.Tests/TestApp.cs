using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Hosting.AppData;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests;

/// <summary>
/// The whole app in-process (Hangfire in memory, every store in a temporary folder), with users created
/// through the app's own UserManager and signed in through the real login form. No authentication is faked.
/// </summary>
public sealed partial class TestApp : IAsyncDisposable
{
    /// <summary>The password of every test user (long enough for the default rule of 12 characters).</summary>
    public const string Password = "correct horse battery";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("monitoring-web-").FullName;

    /// <summary>The app with <paramref name="overrides"/> over the test defaults, its drop folder watched, and <paramref name="services"/> changed.</summary>
    public TestApp(IReadOnlyDictionary<string, string> overrides, Action<IServiceCollection>? services = null)
        : this(ingestSeeds: false, settings: overrides, clock: null, services: services, watchDropFolder: true)
    {
    }

    public TestApp(bool ingestSeeds = false, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null, bool watchDropFolder = false)
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Jobs:Storage", "InMemory");
            host.UseSetting("Ingestion:SeedsPath", RepositoryPaths.Seeds);
            host.UseSetting("Ingestion:IngestSeedsOnStart", ingestSeeds ? "true" : "false");
            host.UseSetting("Ingestion:DropFolder", watchDropFolder ? DropFolder : "");
            host.UseSetting("Search:Lucene:IndexPath", Path.Combine(_dataFolder, "index"));
            host.UseSetting("Ingestion:StorePath", IngestionStorePath);
            host.UseSetting("AppData:SqlitePath", AppDatabasePath);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }

            host.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Log, Errors)));
            if (clock is not null)
            {
                host.ConfigureServices(collection => collection.AddSingleton(clock));
            }

            if (services is not null)
            {
                host.ConfigureServices(services);
            }
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public string DataFolder => _dataFolder;

    public string IngestionStorePath => Path.Combine(_dataFolder, "ingestion.db");

    public string AppDatabasePath => Path.Combine(_dataFolder, "app.db");

    public string DropFolder => Path.Combine(_dataFolder, "drop");

    /// <summary>Every line the app logged.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>What was logged as an error or worse, each as "category: message".</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public IServiceProvider Services => Factory.Services;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A user with <paramref name="role"/>, made by the app's UserManager.</summary>
    public async Task<AppUser> CreateUserAsync(string name, string role, bool mustChangePassword = false, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, MustChangePassword = mustChangePassword };
        AssertSucceeded(await users.CreateAsync(user, password));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A new client signed in as <paramref name="name"/> through the login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string name, string password = Password)
    {
        var client = CreateClient();
        using var response = await SignInAsync(client, name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Fills and posts the login form; the answer is a redirect on success, the form with an error otherwise.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password, string returnUrl = "/") =>
        PostFormAsync(client, AccountServiceCollectionExtensions.LoginPath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new()
        {
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
        });

    /// <summary>
    /// Reads the form page at <paramref name="path"/> as a browser would (its hidden fields: the form's name
    /// and antiforgery token), then posts it back with <paramref name="fields"/> filled in.
    /// </summary>
    /// <param name="formAction">Where the form posts when not back to <paramref name="path"/> (the sign-out button's form).</param>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formAction = null)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);
        var form = HiddenFields(page);
        if (formAction is not null)
        {
            // Only the antiforgery token is shared by every form of a page.
            form = new() { ["__RequestVerificationToken"] = form["__RequestVerificationToken"] };
        }

        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(formAction ?? path, UriKind.Relative), content, Cancel);
    }

    /// <summary>Where a redirect leads, as a path and query (the app writes some absolute, some relative).</summary>
    public static string Target(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
    }

    /// <summary>The hidden inputs of an HTML page, by name.</summary>
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in HiddenInput().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(match => match.Groups[1].Value, match => WebUtility.HtmlDecode(match.Groups[2].Value), StringComparer.Ordinal);
            if (attributes.TryGetValue("name", out var name))
            {
                fields[name] = attributes.GetValueOrDefault("value", "");
            }
        }

        return fields;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => error.Description)));

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("([\\w.-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines, ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines, errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lines.Enqueue(formatter(state, exception));
                if (logLevel >= LogLevel.Error)
                {
                    errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
                }
            }
        }
    }
}

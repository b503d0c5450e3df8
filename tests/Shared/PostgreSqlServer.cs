using System.Net;
using System.Net.Sockets;

namespace Monitoring.Tests;

/// <summary>
/// A private PostgreSQL server for one test run: Debian's binaries (installed with apt-get when missing and the
/// tests run as root, else a failure saying what to install), a cluster made with initdb in a temporary folder,
/// listening on 127.0.0.1 and a free port, with trust authentication for user <c>postgres</c>. PostgreSQL refuses
/// to run as root, so as root the server runs as the <c>postgres</c> user Debian's package creates. Stopped and
/// deleted on dispose. Each test takes its own database from <see cref="CreateDatabaseAsync"/>.
/// One per test run: a test project makes it an assembly fixture, and it starts when the first test asks for a
/// database, so a run without such tests starts no server.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string DebianBinaries = "/usr/lib/postgresql";
    private const string SystemUser = "postgres";
    private const string Purpose = "the tests' private PostgreSQL server";

    private readonly SemaphoreSlim _starting = new(1, 1);
    private string _binaries = "";
    private string _folder = "";

    /// <summary>The TCP port the server listens on (127.0.0.1 only).</summary>
    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private async Task EnsureStartedAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (Port == 0)
            {
                await StartAsync();
            }
        }
        finally
        {
            _starting.Release();
        }
    }

    private async Task StartAsync()
    {
        _binaries = FindBinaries() ?? await InstallAsync();
        _folder = Directory.CreateTempSubdirectory("monitoring-postgres-").FullName;
        if (Commands.RunningAsRoot)
        {
            await Commands.RunAsync("chown", [$"{SystemUser}:", _folder], Purpose);
        }

        // No fsync: the cluster is thrown away after the run, and syncing would only slow the tests down.
        await RunServerToolAsync("initdb", ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        var port = FreePort();
        await RunServerToolAsync("pg_ctl", [
            "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120",
            "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=600",
            "start",
        ]);
        Port = port;
    }

    /// <summary>A new, empty database.</summary>
    public async Task<PostgreSqlDatabase> CreateDatabaseAsync()
    {
        await EnsureStartedAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await RunClientToolAsync("createdb", name);
        // Every test takes a new database and Npgsql keeps one pool per connection string, whose idle connections
        // live 300 s by default: a run of a few hundred tests then holds hundreds of idle connections to databases
        // no test uses any more ("53300: too many clients"). Idle connections are closed after a few seconds instead.
        return new PostgreSqlDatabase(
            name,
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Connection Idle Lifetime=3;Connection Pruning Interval=1");
    }

    /// <summary>Drops <paramref name="database"/>, closing the connections still open to it.</summary>
    public Task DropDatabaseAsync(PostgreSqlDatabase database) => RunClientToolAsync("dropdb", "--force", database.Name);

    public async ValueTask DisposeAsync()
    {
        if (Port != 0)
        {
            await RunServerToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        _starting.Dispose();
    }

    /// <summary>The bin folder of the newest PostgreSQL Debian installed (/usr/lib/postgresql/15/bin on bookworm).</summary>
    private static string? FindBinaries() =>
        Directory.Exists(DebianBinaries)
            ? Directory.GetDirectories(DebianBinaries)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;

    private static async Task<string> InstallAsync()
    {
        await Commands.InstallDebianPackagesAsync("Tests against PostgreSQL (initdb and pg_ctl under /usr/lib/postgresql)", "postgresql");
        return FindBinaries()
            ?? throw new InvalidOperationException($"apt-get installed postgresql but no initdb/pg_ctl is under {DebianBinaries}/<version>/bin.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<string> RunClientToolAsync(string tool, params string[] arguments) =>
        Commands.RunAsync(Path.Combine(_binaries, tool), ["-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", .. arguments], Purpose);

    private Task<string> RunServerToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(_binaries, tool);
        return Commands.RunningAsRoot
            ? Commands.RunAsync("runuser", ["-u", SystemUser, "--", path, .. arguments], Purpose)
            : Commands.RunAsync(path, arguments, Purpose);
    }
}

/// <summary>One database of <see cref="PostgreSqlServer"/>: its name and an Npgsql connection string to it.</summary>
public sealed record PostgreSqlDatabase(string Name, string ConnectionString);

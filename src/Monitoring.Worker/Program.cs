using Monitoring.Hosting;
using Monitoring.Hosting.AppData;
using Monitoring.Hosting.Status;

namespace Monitoring.Worker;

/// <summary>
/// The worker host: runs the jobs against the same stores as the web nodes and serves /health and /ready only.
/// Not the global <c>Program</c>: the web app declares that one, and a test may host both in one process.
/// </summary>
public sealed class WorkerProgram
{
    private WorkerProgram()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        // The migration step, as the web host offers it: migrates both stores and exits without serving.
        if (MigrateCommand.IsRequested(args))
        {
            return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMonitoringServices(builder.Configuration);
        builder.Services.AddWorker();

        var app = builder.Build();

        // Any other path is a plain 404: a worker has no pages and no sign-in.
        app.MapFallback("{**path}", () => Results.NotFound());
        app.MapStatus();

        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}

using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Monitoring.Hosting.Jobs;

/// <summary>
/// Hangfire's logging routed to the host's loggers. Hangfire keeps its log provider in a static that outlives
/// the host, so a storage created after this host has stopped (another host in the same process, a test) must
/// get a silent logger instead of an <see cref="ObjectDisposedException"/> from the disposed logger factory.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        // Answering false to the enabled-check Hangfire makes (a null message) keeps it from building messages.
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}

using Microsoft.Extensions.Logging;
using Monitoring.Hosting.Jobs;
using Monitoring.Web.Features.Jobs;

namespace Monitoring.Web.Tests.Features.Jobs;

public sealed class HostLogProviderTests
{
    [Fact]
    public void WhileTheHostRuns_HangfireMessagesReachTheHostsLoggers()
    {
        var sink = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(sink).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));

        var log = new HostLogProvider(factory).GetLogger("Hangfire.Server.Worker");
        log.Log(Hangfire.Logging.LogLevel.Warn, () => "job 42 failed", exception: null);

        Assert.Equal(["Hangfire.Server.Worker: job 42 failed"], sink.Messages);
    }

    [Fact]
    public void AfterTheHostStopped_ALoggerAskedForLater_IsSilent_InsteadOfThrowing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HostLogProvider(factory);
        factory.Dispose();

        var log = provider.GetLogger("Hangfire.InMemory.State.Dispatcher");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Info, () => "ignored", exception: null));
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, Messages);

        public void Dispose()
        {
        }

        private sealed class RecordingLogger(string category, List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Add($"{category}: {formatter(state, exception)}");
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping every message it accepts
/// and every login it is offered (it accepts any).
/// </summary>
internal sealed class LoopbackSmtpServer : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentQueue<(string User, string Password)> _logins = new();
    private Task _running = Task.CompletedTask;

    private LoopbackSmtpServer()
    {
    }

    public int Port { get; private set; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public IReadOnlyList<(string User, string Password)> Logins => [.. _logins];

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var server = new LoopbackSmtpServer();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).AllowUnsecureAuthentication())
            .Build();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, started) => listening.TrySetResult(((IPEndPoint)started.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add((IMessageStore)server);
        services.Add(new DelegatingUserAuthenticator((user, password) =>
        {
            server._logins.Enqueue((user, password));
            return true;
        }));

        server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        server.Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        _messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // How SmtpServer ends when its token is cancelled.
        }

        _stop.Dispose();
    }
}

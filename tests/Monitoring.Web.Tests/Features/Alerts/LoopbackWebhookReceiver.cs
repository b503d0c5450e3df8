using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>A Kestrel server on a free loopback port that keeps every request's headers and exact body bytes.</summary>
internal sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private WebApplication? _app;

    private LoopbackWebhookReceiver()
    {
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>The status and body of the answer to the n-th request (1-based); 200 "ok" unless set.</summary>
    public Func<int, (int Status, string Body)> Answer { get; set; } = _ => (200, "ok");

    /// <summary>How long the receiver waits before it answers.</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<LoopbackWebhookReceiver> StartAsync()
    {
        var receiver = new LoopbackWebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(receiver.ReceiveAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = new Uri(new Uri(app.Urls.Single()), "/hooks/alerts");
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray()));
        var (status, answer) = Answer(_requests.Count);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

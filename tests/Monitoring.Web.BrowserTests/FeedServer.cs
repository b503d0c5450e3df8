using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.Web.BrowserTests;

/// <summary>
/// A feed on 127.0.0.1 and a free port (the BCL's HttpListener), for the app under test to poll: the
/// machine reaches no real feed. Every request path is recorded.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _rss;
    private readonly Task _serving;

    public FeedServer(string rss)
    {
        _rss = rss;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public Uri FeedUrl => new(Address, "feed.xml");

    public ConcurrentQueue<string> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            Requests.Enqueue(context.Request.Url?.AbsolutePath ?? string.Empty);
            var found = context.Request.Url?.AbsolutePath == FeedUrl.AbsolutePath;
            var body = Encoding.UTF8.GetBytes(found ? _rss : "not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = found ? "application/rss+xml; charset=utf-8" : "text/plain";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}

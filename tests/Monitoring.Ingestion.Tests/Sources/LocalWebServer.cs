using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>
/// Kestrel on 127.0.0.1 and a free port: serves ../shared/data/feeds under /feeds/ and the readability
/// pages under /pages/ as static files (with ETag and Last-Modified, answering conditional GETs with 304),
/// plus whatever handlers a test adds. Every request is recorded with its conditional headers and status.
/// </summary>
internal sealed class LocalWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _handlers = new(StringComparer.Ordinal);

    private LocalWebServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static string FeedsFolder => Path.Combine(RepositoryPaths.Corpora, "feeds");

    public static string PagesFolder => Path.Combine(RepositoryPaths.Corpora, "readability", "test-pages");

    public static async Task<LocalWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalWebServer? server = null;
        app.Use(async (context, next) =>
        {
            await next(context);
            server!.Requests.Enqueue(new RecordedRequest(
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.IfNoneMatch.ToString(),
                context.Request.Headers.IfModifiedSince.ToString(),
                context.Response.StatusCode));
        });
        app.Use(async (context, next) =>
        {
            if (server!._handlers.TryGetValue(context.Request.Path.Value ?? string.Empty, out var handler))
            {
                await handler(context);
                return;
            }

            await next(context);
        });
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".rss"] = "application/rss+xml";
        types.Mappings[".atom"] = "application/atom+xml";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(FeedsFolder),
            RequestPath = "/feeds",
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/xml",
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(PagesFolder), RequestPath = "/pages" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new LocalWebServer(app, new Uri(address + "/"));
        return server;
    }

    public Uri Url(string path) => new(Address, path.TrimStart('/'));

    /// <summary>Serves <paramref name="path"/> with <paramref name="handler"/> from now on.</summary>
    public Uri Handle(string path, RequestDelegate handler)
    {
        _handlers[path] = handler;
        return Url(path);
    }

    /// <summary>Serves fixed bytes at <paramref name="path"/>.</summary>
    public Uri Serve(string path, byte[] body, string contentType) => Handle(path, async context =>
    {
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body);
    });

    public Uri Serve(string path, string body, string contentType) => Serve(path, System.Text.Encoding.UTF8.GetBytes(body), contentType);

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => Requests.Where(request => request.Path == "/" + path.TrimStart('/')).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Path, string IfNoneMatch, string IfModifiedSince, int Status);

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Sources;

namespace Monitoring.Ingestion.Fetching;

/// <summary>
/// Every request the product sends to the outside world (feeds, article pages) goes through this typed
/// HttpClient, registered once in <see cref="FeedsServiceCollectionExtensions.AddFeedPolling"/>, whose
/// handler refuses private and loopback destinations (<see cref="DestinationGuard"/>). Answers are read as a stream and abandoned as soon as they pass the caller's size limit or
/// the time limit, so a hostile server cannot make the process hold 50 MB or wait forever.
/// </summary>
public sealed class WebFetcher(HttpClient http, HostPoliteness politeness, IOptions<FeedPollingOptions> options)
{
    private const int BufferSize = 81_920;

    /// <summary>GETs <paramref name="url"/>, conditionally when validators from an earlier answer are given.</summary>
    /// <param name="maxBytes">Largest body accepted, after decompression.</param>
    /// <param name="limitName">The setting behind <paramref name="maxBytes"/>, named in the error.</param>
    /// <param name="etag">Sent as If-None-Match.</param>
    /// <param name="lastModified">Sent as If-Modified-Since.</param>
    /// <exception cref="FetchException">Not http(s), no answer in time, an error status, or too large.</exception>
    public async Task<FetchedResource> GetAsync(
        Uri url,
        long maxBytes,
        string limitName,
        string? etag = null,
        string? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FetchException($"'{url}' is not an absolute http(s) address");
        }

        var timeout = options.Value.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(etag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (!string.IsNullOrEmpty(lastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        // Waiting for a slot counts against the deadline: a host that is slow for others is slow for this request too.
        using var slot = await EnterAsync(url, timeout, deadline.Token, cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchedResource(finalUrl, HttpStatusCode.NotModified, [], null, etag, lastModified);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {finalUrl}"));
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw TooLarge(response.Content.Headers.ContentLength.Value, maxBytes, limitName);
            }

            var body = await ReadLimitedAsync(response.Content, maxBytes, limitName, deadline.Token).ConfigureAwait(false);
            return new FetchedResource(
                finalUrl,
                response.StatusCode,
                body,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(string.Create(CultureInfo.InvariantCulture, $"no complete answer from {url.Host} within {timeout.TotalSeconds:0.#} s ({SourcesSetting(nameof(FeedPollingOptions.RequestTimeout))})"), ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is DestinationRefusedException refused)
        {
            throw new FetchException($"request to {url.Host} refused: {refused.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException($"request to {url.Host} failed: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new FetchException($"the answer from {url.Host} broke off: {ex.Message}", ex);
        }
    }

    private async Task<IDisposable> EnterAsync(Uri url, TimeSpan timeout, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await politeness.EnterAsync(url, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(string.Create(CultureInfo.InvariantCulture, $"no free request slot for {url.Host} within {timeout.TotalSeconds:0.#} s ({SourcesSetting(nameof(FeedPollingOptions.MaxConcurrentRequestsPerHost))})"), ex);
        }
    }

    /// <summary>The configuration key of a feed setting, as errors name it.</summary>
    public static string SourcesSetting(string name) => $"{FeedPollingOptions.SectionName}:{name}";

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, long maxBytes, string limitName, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    // Disposing the response closes the connection: the rest is never downloaded.
                    throw TooLarge(null, maxBytes, limitName);
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
    }

    private static FetchException TooLarge(long? length, long maxBytes, string limitName) => new(length is { } known
        ? string.Create(CultureInfo.InvariantCulture, $"the answer is {known:N0} bytes, over the limit of {maxBytes:N0} ({limitName}); not downloaded")
        : string.Create(CultureInfo.InvariantCulture, $"the answer is over the limit of {maxBytes:N0} bytes ({limitName}); download aborted"));

    /// <summary>Builds the handler every outgoing request goes through: the destination guard, decompression, bounded redirects.</summary>
    internal static SocketsHttpHandler CreateHandler(FeedPollingOptions settings, DestinationGuard guard)
    {
        // The guard checks each connection, so every redirect hop to a new host is checked again.
        var handler = guard.CreateHandler();
        handler.AutomaticDecompression = DecompressionMethods.All;
        handler.AllowAutoRedirect = settings.MaxRedirects > 0;
        handler.MaxAutomaticRedirections = Math.Max(1, settings.MaxRedirects);
        handler.ConnectTimeout = settings.RequestTimeout;

        // An answer abandoned half-way (too large) closes its connection instead of being read to the end.
        handler.MaxResponseDrainSize = 0;
        return handler;
    }

    internal static void Configure(HttpClient client, FeedPollingOptions settings)
    {
        // The per-request deadline above governs; the client's own timeout only backs it up.
        client.Timeout = settings.RequestTimeout + TimeSpan.FromSeconds(5);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/rss+xml"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/atom+xml"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml", 0.9));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html", 0.8));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
    }
}

/// <summary>One answer: <see cref="HttpStatusCode.NotModified"/> with an empty body, or the full body.</summary>
/// <param name="Url">Where the content came from after redirects; relative links resolve against it.</param>
/// <param name="ETag">The validator to send next time (the previous one on 304).</param>
/// <param name="LastModified">The date to send next time as If-Modified-Since (the previous one on 304).</param>
public sealed record FetchedResource(Uri Url, HttpStatusCode Status, byte[] Body, string? MediaType, string? ETag, string? LastModified)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

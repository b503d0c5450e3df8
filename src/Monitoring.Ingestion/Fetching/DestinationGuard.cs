using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingestion.Fetching;

/// <summary>
/// Keeps requests that users aim (feed, page and webhook URLs) away from the machine itself and its private
/// networks (SSRF): every connection, including each redirect hop, resolves the host, drops addresses that
/// are not public unless <see cref="OutboundRequestsOptions.AllowedNetworks"/> lists them, and connects to an
/// address it checked — so a name that resolves differently the second time (DNS rebinding) gains nothing.
/// Used as the <see cref="SocketsHttpHandler.ConnectCallback"/> of every outgoing client; a proxy would
/// bypass it, which is why those handlers do not use one.
/// </summary>
public sealed class DestinationGuard(IOptions<OutboundRequestsOptions> options)
{
    // Loopback, private, shared, link-local (cloud metadata lives at 169.254.169.254), documentation,
    // benchmarking, multicast and reserved ranges: none of them is a news outlet or a webhook receiver.
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/96"), // unspecified, loopback and the deprecated IPv4-compatible form
        IPNetwork.Parse("64:ff9b::/96"), // NAT64 reaches any IPv4 address, private ones included
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    // A save waits this long at most for the name of the address it checks.
    private static readonly TimeSpan SaveLookupTimeout = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<IPNetwork> _allowed = options.Value.ParsedAllowedNetworks();

    /// <summary>Whether a connection to <paramref name="address"/> may be opened.</summary>
    public bool Permits(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowed.Any(network => network.Contains(plain)) || !NotPublic.Any(network => network.Contains(plain));
    }

    /// <summary>
    /// Why every request to <paramref name="url"/> would be refused, or null: its host is an address, or a name whose
    /// every address is, loopback, private or reserved and not in the allow-list. Meant for saving a feed or webhook
    /// address, so the editor hears it at once instead of reading it later as a failed poll or delivery. A name that
    /// does not resolve now is not refused (it may resolve later); each connection is still checked.
    /// </summary>
    public async Task<string?> RefusalOfAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.DnsSafeHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SaveLookupTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return null;
            }
        }

        return addresses.Length == 0 || addresses.Any(Permits) ? null : new DestinationRefusedException(host, addresses).Message;
    }

    /// <summary>Opens the connection a handler asks for, to a permitted address of the host only.</summary>
    /// <exception cref="DestinationRefusedException">Every address of the host is refused.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var permitted = addresses.Where(Permits).ToArray();
        if (permitted.Length == 0)
        {
            throw new DestinationRefusedException(endpoint.Host, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A handler for outgoing requests that goes through this guard and never through a proxy.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}

/// <summary>A request was aimed at an address that is not public and not allowed by configuration.</summary>
public sealed class DestinationRefusedException : IOException
{
    public DestinationRefusedException()
    {
    }

    public DestinationRefusedException(string message)
        : base(message)
    {
    }

    public DestinationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal DestinationRefusedException(string host, IReadOnlyCollection<IPAddress> addresses)
        : this(host, addresses, addresses.Count == 0
            ? $"{host} has no address"
            : $"{host} resolves to {string.Join(", ", addresses)}, a loopback, private or reserved address; requests there are refused unless {OutboundRequestsOptions.SectionName}:{nameof(OutboundRequestsOptions.AllowedNetworks)} lists it")
    {
    }

    private DestinationRefusedException(string host, IReadOnlyCollection<IPAddress> addresses, string message)
        : base(message)
    {
        Host = host;
        IsPermanent = addresses.Count > 0;
    }

    /// <summary>The host whose addresses were refused.</summary>
    public string? Host { get; }

    /// <summary>
    /// Whether the host resolved, to addresses the rules refuse: the same request would be refused again. A host
    /// without an address (a lookup that found nothing) may resolve later.
    /// </summary>
    public bool IsPermanent { get; }
}

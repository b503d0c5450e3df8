using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Sources;

namespace Monitoring.Ingestion.Fetching;

/// <summary>
/// What one host gets from this process, whichever job asks: one feed request at a time, each starting at
/// least <see cref="FeedPollingOptions.MinDelayPerHost"/> after the previous one ended (an outlet with twenty
/// section feeds is not hit twenty times in a second when they fall due together), and at most
/// <see cref="FeedPollingOptions.MaxConcurrentRequestsPerHost"/> requests of any kind (feeds, article
/// pages) in flight at once. One per process (a singleton); hosts are compared by name.
/// </summary>
public sealed class HostPoliteness(IOptions<FeedPollingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits until a feed request to <paramref name="url"/>'s host may start: one feed request at a time per
    /// host, each starting at least the minimum delay after the previous one ended. Dispose the result when
    /// the answer has been read.
    /// </summary>
    public async Task<IDisposable> WaitForFeedTurnAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var delay = options.Value.MinDelayPerHost;
        if (delay <= TimeSpan.Zero)
        {
            return NoTurn.Instance;
        }

        // Spacing the ends from the starts (not the starts from each other) keeps the gap on the wire
        // whatever a connection set-up or a slow answer adds to one request.
        var host = StateOf(url);
        await host.FeedTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (host.LastFeedEnd is { } lastEnd && delay - clock.GetElapsedTime(lastEnd) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            host.FeedTurn.Release();
            throw;
        }

        return new FeedTurn(host, clock);
    }

    /// <summary>Takes one of the host's request slots; dispose the result when the answer has been read.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var slots = StateOf(url).Slots;
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(slots);
    }

    private HostState StateOf(Uri url) => _hosts.GetOrAdd(url.IdnHost, _ => new HostState(options.Value.MaxConcurrentRequestsPerHost));

    private sealed class HostState(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public SemaphoreSlim FeedTurn { get; } = new(1, 1);

        /// <summary>When (<see cref="TimeProvider.GetTimestamp"/>) the last feed request to the host ended.</summary>
        public long? LastFeedEnd { get; set; }
    }

    private sealed class FeedTurn(HostState host, TimeProvider clock) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                host.LastFeedEnd = clock.GetTimestamp();
                host.FeedTurn.Release();
            }
        }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

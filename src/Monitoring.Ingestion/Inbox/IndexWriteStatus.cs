namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// Whether this process's last writes to the search index failed, from the first failure until a write succeeds
/// again. Kept in memory by the process that runs <see cref="InboxProcessingJob"/> (the worker), and reported by
/// its <c>/ready</c> (unready) and <c>/health</c>: a failing commit used to leave both green while nothing was indexed.
/// </summary>
public sealed class IndexWriteStatus(TimeProvider clock)
{
    private IndexWriteFailure? _failure;

    /// <summary>The failure that has not been followed by a successful write; null when writes succeed.</summary>
    public IndexWriteFailure? CurrentFailure => Volatile.Read(ref _failure);

    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = clock.GetUtcNow();
        var previous = CurrentFailure;
        Volatile.Write(ref _failure, new IndexWriteFailure(
            previous?.Since ?? now,
            now,
            (previous?.Attempts ?? 0) + 1,
            $"{exception.GetType().Name}: {exception.Message}"));
    }

    public void Succeeded() => Volatile.Write(ref _failure, null);
}

/// <summary>Writes to the search index failing since <paramref name="Since"/>, the last at <paramref name="LastAt"/>.</summary>
public sealed record IndexWriteFailure(DateTimeOffset Since, DateTimeOffset LastAt, int Attempts, string Message);

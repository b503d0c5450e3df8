namespace Monitoring.Search.Reindexing;

/// <summary>Where a copy stands after an acknowledged batch.</summary>
/// <param name="Copied">Articles written to the target so far, by this run and the runs it continues.</param>
/// <param name="Total">Articles in the source.</param>
/// <param name="CopiedThisRun">Articles written by this run (what the rate is measured on).</param>
/// <param name="Elapsed">Time since this run started.</param>
public sealed record ReindexProgress(int Copied, int Total, int CopiedThisRun, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => CopiedThisRun / Math.Max(Elapsed.TotalSeconds, 0.001);

    /// <summary>Time left at this run's rate; null before anything is copied.</summary>
    public TimeSpan? Remaining => CopiedThisRun == 0 ? null : TimeSpan.FromSeconds(Math.Max(0, Total - Copied) / ArticlesPerSecond);
}

/// <summary>How a copy ended.</summary>
/// <param name="Final">The last progress.</param>
/// <param name="ResumedAt">Articles already copied by earlier runs when this one started (0 when it started from the beginning).</param>
/// <param name="StartedOverBecause">Why a checkpoint that was found could not be continued; null when there was none or it was continued.</param>
/// <param name="Interrupted">Stopped by cancellation before the end; the checkpoint is kept.</param>
/// <param name="Refused">Articles the target refused for good (with its reasons); every other article was written.</param>
public sealed record ReindexResult(
    ReindexProgress Final, int ResumedAt, string? StartedOverBecause, bool Interrupted, IReadOnlyList<Elasticsearch.IndexingFailure> Refused);

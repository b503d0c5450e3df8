namespace Monitoring.Search;

/// <summary>
/// Writing or committing the search index failed (a full disk, a folder that is read-only or gone, files deleted
/// under the writer). Nothing of the batch was kept; the caller records the failure and retries later.
/// </summary>
public sealed class IndexWriteException : IOException
{
    public IndexWriteException()
    {
    }

    public IndexWriteException(string message)
        : base(message)
    {
    }

    public IndexWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Monitoring.Ingestion.Fetching;

/// <summary>A request gave nothing usable; the message says why in words an editor understands.</summary>
public sealed class FetchException : Exception
{
    public FetchException()
    {
    }

    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

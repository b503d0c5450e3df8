namespace Monitoring.Ingestion.Feeds;

/// <summary>The document is no feed, or not one this parser can read; the message says why.</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message)
        : base(message)
    {
    }

    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

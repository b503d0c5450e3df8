namespace Monitoring.Core.Alerts;

/// <summary>When an alert tells its recipients about new matches.</summary>
public enum DeliveryMode
{
    /// <summary>One message per new matching article, within a minute of it becoming searchable.</summary>
    Instant,

    /// <summary>One message per clock hour in the alert's time zone, listing that hour's matches by story.</summary>
    Hourly,

    /// <summary>One message per calendar day in the alert's time zone, listing that day's matches by story.</summary>
    Daily,
}

/// <summary>How a digest orders its stories.</summary>
public enum DigestOrder
{
    /// <summary>The most tense story first.</summary>
    Tension,

    /// <summary>The latest story first.</summary>
    Recency,
}

using System.ComponentModel.DataAnnotations;

namespace Monitoring.Ingestion.Sources;

/// <summary>Settings of section "Ingestion:Feeds": how feeds and their article pages are fetched.</summary>
public sealed class FeedPollingOptions
{
    public const string SectionName = "Ingestion:Feeds";

    /// <summary>Poll due sources (a minutely recurring job). Off, sources are polled only by "poll now".</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Load <c>sources.json</c> from the seeds folder into an empty sources store at start-up.</summary>
    public bool LoadSeedSources { get; set; } = true;

    /// <summary>Longest wait for a complete answer (headers and body) to one request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest feed document, in bytes after decompression; the download is aborted beyond it.</summary>
    [Range(1_024, 256 * 1024 * 1024)]
    public int MaxFeedBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest wait between polls of a failing source; the back-off doubles up to this.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// An item whose text (content, else summary) is shorter than this many characters is taken as a
    /// summary: its page is fetched and the article extracted from it. 0 turns page fetching off.
    /// </summary>
    [Range(0, 100_000)]
    public int SummaryOnlyBelowCharacters { get; set; } = 400;

    /// <summary>Most article pages fetched in one poll of one source; the rest keep their summaries.</summary>
    [Range(0, 1_000)]
    public int MaxPagesPerPoll { get; set; } = 20;

    /// <summary>Most redirects followed for one request.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The User-Agent header of every outgoing request.</summary>
    [Required]
    public string UserAgent { get; set; } = "BalkanMediaMonitor/1.0 (feed reader)";

    /// <summary>
    /// Feed requests to one host (by name) go one at a time, whichever sources they belong to, each starting at
    /// least this long after the previous one ended; polls that fall due together on one outlet queue up.
    /// 0 turns this off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most requests (feeds and article pages together) in flight to one host at once.</summary>
    [Range(1, 32)]
    public int MaxConcurrentRequestsPerHost { get; set; } = 2;
}

using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Features.Ingest;

/// <summary>Settings of section "IngestApi": the push API at <c>POST /api/articles</c>.</summary>
public sealed class IngestApiOptions
{
    public const string SectionName = "IngestApi";

    /// <summary>Largest request body in bytes; larger requests get 413.</summary>
    [Range(1_024, 256L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most articles in one batch.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerRequest { get; set; } = 1_000;
}

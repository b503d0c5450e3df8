using System.ComponentModel.DataAnnotations;

namespace Monitoring.Ingestion.Pages;

/// <summary>Settings of section "Ingestion:Pages": limits on the untrusted pages the extractor reads.</summary>
public sealed class PageExtractionOptions
{
    public const string SectionName = "Ingestion:Pages";

    /// <summary>Pages larger than this (in bytes, UTF-8 for text input) are refused without being parsed.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;
}

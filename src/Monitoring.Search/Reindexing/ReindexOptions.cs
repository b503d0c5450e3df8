using System.ComponentModel.DataAnnotations;
using Monitoring.Core.Enrichment;

namespace Monitoring.Search.Reindexing;

/// <summary>What <see cref="ArticleReindexer"/> copies to, and how.</summary>
public sealed class ReindexOptions
{
    /// <summary>
    /// Names the target for the checkpoint ("lucene:/data/new-index", "elasticsearch:https://es:9200/articles"),
    /// so that a checkpoint of a copy to one target is never continued into another.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public required string Target { get; init; }

    /// <summary>The checkpoint file, written after every acknowledged batch and deleted when the copy completes.</summary>
    [Required(AllowEmptyStrings = false)]
    public required string CheckpointPath { get; init; }

    /// <summary>Articles per write to the target, default 500.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// When set, every article is enriched again from its stored text with this enricher (the current
    /// gazetteer, taxonomy and actors) instead of keeping the tags it was stored with.
    /// </summary>
    public ArticleEnricher? Enricher { get; init; }

    /// <summary>Ignore any checkpoint and copy everything again.</summary>
    public bool Restart { get; init; }
}

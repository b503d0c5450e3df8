using System.ComponentModel.DataAnnotations;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion;

/// <summary>Settings of section "Ingestion".</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// The folder with shipped data: example articles, the demo corpus and the enrichment data
    /// (gazetteer, topics, tension lexicon). Relative paths are resolved against the content root.
    /// </summary>
    [Required]
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Enqueue the seed ingestion job at start-up. It is idempotent: known articles are skipped.</summary>
    public bool IngestSeedsOnStart { get; set; } = true;

    /// <summary>How many articles are enriched and written to the index in one batch.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Where the ingestion store (the inbox of accepted items, the register of known articles, story signatures
    /// and feed sources) lives: a SQLite file (the default) or a PostgreSQL database shared by many nodes.
    /// </summary>
    public StoreProvider StoreProvider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// The SQLite file of the store when <see cref="StoreProvider"/> is Sqlite. Relative paths are resolved against
    /// the content root.
    /// </summary>
    [Required]
    public string StorePath { get; set; } = "data/ingestion.db";

    /// <summary>Npgsql connection string of the store's database; required when <see cref="StoreProvider"/> is PostgreSql.</summary>
    public string? StorePostgreSqlConnectionString { get; set; }

    /// <summary>
    /// Apply the store's pending migrations at start-up (under <see cref="MigrationLock"/> on PostgreSQL). Off, the
    /// node never changes the schema and refuses to start on one that is behind it: the migration step runs first.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Largest accepted item (its JSON, in bytes); bigger items are quarantined with that reason.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxItemBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The watched drop folder: files put there are imported like <c>monitoring import</c> does, then moved to
    /// its <c>processed/</c> or <c>rejected/</c> sub-folder. Relative paths are resolved against the content
    /// root; empty turns the drop folder off.
    /// </summary>
    public string? DropFolder { get; set; } = "data/drop";

    /// <summary>
    /// How long a dropped file must go unmodified (and be openable exclusively) before it is taken, so a file
    /// still being copied in is not read half-written.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DropFolderSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StoreProvider == StoreProvider.PostgreSql && string.IsNullOrWhiteSpace(StorePostgreSqlConnectionString))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(StorePostgreSqlConnectionString)} is required when {SectionName}:{nameof(StoreProvider)} is {StoreProvider.PostgreSql}.",
                [nameof(StorePostgreSqlConnectionString)]);
        }
    }
}

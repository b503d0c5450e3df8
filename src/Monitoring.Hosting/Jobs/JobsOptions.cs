using System.ComponentModel.DataAnnotations;

namespace Monitoring.Hosting.Jobs;

/// <summary>Settings of section "Jobs": where Hangfire keeps its queue.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "Jobs";

    /// <summary>Sqlite (the embedded default, survives restarts), PostgreSql (shared by many nodes) or InMemory (tests).</summary>
    public JobStorageKind Storage { get; set; } = JobStorageKind.Sqlite;

    /// <summary>The Hangfire database file; relative paths are resolved against the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/jobs.db";

    /// <summary>
    /// Npgsql connection string of the PostgreSQL database holding the queue (schema <c>hangfire</c>, created on
    /// first start); required when <see cref="Storage"/> is PostgreSql.
    /// </summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Background workers processing jobs in this process.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Show the Hangfire dashboard at /jobs (local requests only until accounts exist).</summary>
    public bool Dashboard { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage == JobStorageKind.PostgreSql && string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            yield return new ValidationResult(
                $"Jobs:{nameof(PostgreSqlConnectionString)} is required when Jobs:{nameof(Storage)} is {JobStorageKind.PostgreSql}.",
                [nameof(PostgreSqlConnectionString)]);
        }
    }
}

public enum JobStorageKind
{
    Sqlite,
    InMemory,
    PostgreSql,
}

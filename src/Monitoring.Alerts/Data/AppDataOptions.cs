using System.ComponentModel.DataAnnotations;
using Monitoring.Ingestion.Store;

namespace Monitoring.Alerts.Data;

/// <summary>Settings of section "AppData": where the web app keeps its own data (users, alerts, annotations, API keys).</summary>
public sealed class AppDataOptions : IValidatableObject
{
    public const string SectionName = "AppData";

    /// <summary>Sqlite (a file, the embedded default) or PostgreSql (a database shared by many nodes).</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The SQLite database file when <see cref="Provider"/> is Sqlite; relative paths are resolved against the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "../../data/app.db";

    /// <summary>Npgsql connection string of the app database; required when <see cref="Provider"/> is PostgreSql.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>
    /// Apply pending migrations at start-up (under <see cref="MigrationLock"/> on PostgreSQL). Off, the node never
    /// changes the schema and refuses to start on one that is behind it: the migration step (<c>migrate</c>) runs first.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StoreProvider.PostgreSql && string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PostgreSqlConnectionString)} is required when {SectionName}:{nameof(Provider)} is {StoreProvider.PostgreSql}.",
                [nameof(PostgreSqlConnectionString)]);
        }
    }
}

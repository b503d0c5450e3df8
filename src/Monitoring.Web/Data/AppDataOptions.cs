using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Data;

/// <summary>Settings of section "AppData": where the web app keeps its own data (event annotations; later alerts and users).</summary>
public sealed class AppDataOptions
{
    public const string SectionName = "AppData";

    /// <summary>The SQLite database file; relative paths are resolved against the content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "../../data/app.db";
}

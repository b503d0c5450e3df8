using System.Text.Json;

namespace Monitoring.Search.Reindexing;

/// <summary>
/// How far a copy got: written after every batch the target acknowledged, so that a copy stopped by
/// Ctrl+C or a crash continues after <see cref="LastId"/>. It holds only for the same source commit, target
/// and enrichment; anything else starts the copy over.
/// </summary>
/// <param name="Source">The source index folder (absolute).</param>
/// <param name="SourceGeneration">The commit generation of the source that was being read.</param>
/// <param name="SourceCount">How many articles that commit holds.</param>
/// <param name="Target">Where the articles go, as <see cref="ReindexOptions.Target"/> describes it.</param>
/// <param name="ReEnrich">Whether the articles were enriched again on the way.</param>
/// <param name="LastId">The id of the last article of the last acknowledged batch (articles go in id order).</param>
/// <param name="Copied">How many articles are in the target so far.</param>
/// <param name="UpdatedAt">When the batch was acknowledged.</param>
public sealed record ReindexCheckpoint(
    string Source, long SourceGeneration, int SourceCount, string Target, bool ReEnrich, string LastId, int Copied, DateTimeOffset UpdatedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The checkpoint in <paramref name="path"/>; null when there is none or it cannot be read (a copy then starts over).</summary>
    public static ReindexCheckpoint? TryRead(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ReindexCheckpoint>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Replaces the file whole (written aside, then moved over), so a crash never leaves half a checkpoint.</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var pending = path + ".tmp";
        File.WriteAllText(pending, JsonSerializer.Serialize(this, Json));
        File.Move(pending, path, overwrite: true);
    }

    /// <summary>
    /// Why a copy described by <paramref name="current"/> cannot continue from this checkpoint (another
    /// source commit, target or enrichment), or null when it can.
    /// </summary>
    public string? Mismatch(ReindexCheckpoint current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!string.Equals(Source, current.Source, StringComparison.Ordinal))
        {
            return $"it was written for the source '{Source}'";
        }

        if (SourceGeneration != current.SourceGeneration || SourceCount != current.SourceCount)
        {
            return $"the source index changed since (commit {SourceGeneration} with {SourceCount} articles, now commit {current.SourceGeneration} with {current.SourceCount})";
        }

        if (!string.Equals(Target, current.Target, StringComparison.Ordinal))
        {
            return $"it was written for the target '{Target}'";
        }

        return ReEnrich == current.ReEnrich
            ? null
            : ReEnrich ? "it was written by a copy that enriched the articles again" : "it was written by a copy that kept the stored tags";
    }
}

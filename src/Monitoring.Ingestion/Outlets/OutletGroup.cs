namespace Monitoring.Ingestion.Outlets;

/// <summary>
/// A named set of sources editors compare ("Serbia — national", "Kosovo — Albanian-language"). Data, not code:
/// created, renamed, described and deleted at /sources. Articles are indexed with the ids of their source's groups.
/// </summary>
public sealed class OutletGroup
{
    public const int MaxNameLength = 100;

    public const int MaxDescriptionLength = 1_000;

    public int Id { get; set; }

    /// <summary>Unique, compared without regard to case.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One source in one group (a source belongs to any number of groups).</summary>
public sealed class OutletGroupMember
{
    public int GroupId { get; set; }

    public int SourceId { get; set; }
}

namespace Monitoring.Core.Search.Names;

/// <summary>
/// One place, country or actor and every way the region's press writes it: "Belgrade", "Beograd", "Београд",
/// "Beogradi". A search for one of the names also finds the others.
/// </summary>
/// <param name="Kind">What the names name.</param>
/// <param name="Code">The country (ISO 3166-1 alpha-2) the place lies in, the country itself, or the country an actor acts for; null when none.</param>
/// <param name="Names">The names, the display name first.</param>
public sealed record NameGroup(NameGroupKind Kind, string? Code, IReadOnlyList<string> Names);

public enum NameGroupKind
{
    Country,
    Place,
    Person,
    Organisation,
}

/// <summary>The name groups the search engines expand typed names with, loaded once (see <see cref="NameGroupsFile"/>).</summary>
public sealed class SearchNames(IReadOnlyList<NameGroup> groups)
{
    public IReadOnlyList<NameGroup> Groups { get; } = groups;

    /// <param name="seedsFolder">The <c>seeds</c> folder.</param>
    public static SearchNames LoadFrom(string seedsFolder) => new(NameGroupsFile.LoadFrom(seedsFolder));
}

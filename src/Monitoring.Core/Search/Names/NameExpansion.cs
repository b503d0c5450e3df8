namespace Monitoring.Core.Search.Names;

/// <summary>What a search added to a name the analyst typed: "Beograd" also searched Belgrade and Beogradi.</summary>
/// <param name="Typed">The word or quoted name as typed.</param>
/// <param name="AlsoSearching">The other names of the same place, country or person that the search also matched.</param>
public sealed record NameExpansion(string Typed, IReadOnlyList<string> AlsoSearching);

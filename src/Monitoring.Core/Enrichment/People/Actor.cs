namespace Monitoring.Core.Enrichment.People;

/// <summary>A curated person or organisation of <c>actors.tsv</c>.</summary>
/// <param name="Name">Display name, e.g. "Aleksandar Vučić", "NATO".</param>
/// <param name="CountryCode">The country the actor acts for (ISO 3166-1 alpha-2), null for international ones.</param>
/// <param name="Aliases">Every way of writing it, in any script ("Vučić", "Вучић", "Vucic"); the name is one.</param>
public sealed record Actor(string Name, ActorKind Kind, string? CountryCode, IReadOnlyList<string> Aliases)
{
    /// <summary>Reads <c>actors.tsv</c>: name, kind (person|organisation), country or -, aliases separated by |.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names file and line.</exception>
    public static IReadOnlyList<Actor> ReadAll(string path)
    {
        var actors = new List<Actor>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(path, minimumFields: 3))
        {
            if (!Enum.TryParse<ActorKind>(fields[1], ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"{origin}: kind '{fields[1]}' is neither person nor organisation.");
            }

            var aliases = fields.Length > 3
                ? fields[3].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            actors.Add(new Actor(fields[0], kind, fields[2] == "-" ? null : fields[2], [fields[0], .. aliases]));
        }

        return actors;
    }
}

public enum ActorKind
{
    Person,
    Organisation,
}

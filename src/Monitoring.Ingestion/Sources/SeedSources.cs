using System.Text.Json;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Outlets;

namespace Monitoring.Ingestion.Sources;

/// <summary>Reads <c>seeds/sources.json</c>: the starter list of feeds shipped with the product.</summary>
public static class SeedSources
{
    public const string FileName = "sources.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="InvalidDataException">The file is not the expected JSON, or an entry is invalid; the message says which.</exception>
    public static IReadOnlyList<NewFeedSource> Read(string path)
    {
        var file = Parse(path);

        var sources = new List<NewFeedSource>();
        foreach (var (entry, index) in (file?.Sources ?? []).Select((entry, index) => (entry, index)))
        {
            var source = new NewFeedSource
            {
                Name = entry.Name,
                Url = entry.Url,
                Language = entry.Language,
                Country = entry.Country,
                Languages = entry.Languages ?? [],
                Kind = ParseKind(entry.Kind, path, index, entry.Name),
                TimeZone = entry.TimeZone,
                PollInterval = TimeSpan.FromMinutes(entry.PollMinutes ?? 15),
                Enabled = entry.Enabled ?? false,
            };
            var errors = source.Validate().ToList();
            if (errors.Count > 0)
            {
                throw new InvalidDataException($"{path}: sources[{index}] ({entry.Name}): {string.Join("; ", errors)}");
            }

            sources.Add(source);
        }

        return sources;
    }

    /// <summary>The outlet groups of the file, each with the names of its sources (every one a source of the file).</summary>
    /// <exception cref="InvalidDataException">The file is not the expected JSON, or a group is invalid or names an unknown source.</exception>
    public static IReadOnlyList<SeedOutletGroup> ReadGroups(string path)
    {
        var file = Parse(path);
        var names = (file?.Sources ?? []).Select(source => source.Name?.Trim()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = new List<SeedOutletGroup>();
        foreach (var (group, index) in (file?.Groups ?? []).Select((group, index) => (group, index)))
        {
            if (string.IsNullOrWhiteSpace(group.Name) || group.Name.Trim().Length > OutletGroup.MaxNameLength)
            {
                throw new InvalidDataException($"{path}: groups[{index}]: a name of 1 to {OutletGroup.MaxNameLength} characters is required");
            }

            if ((group.Sources ?? []).FirstOrDefault(source => !names.Contains(source.Trim())) is { } unknown)
            {
                throw new InvalidDataException($"{path}: groups[{index}] ({group.Name}): \"{unknown}\" is not a source of this file");
            }

            groups.Add(new SeedOutletGroup(group.Name.Trim(), string.IsNullOrWhiteSpace(group.Description) ? null : group.Description.Trim(), [.. (group.Sources ?? []).Select(source => source.Trim())]));
        }

        return groups;
    }

    private static SeedFile? Parse(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SeedFile>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a sources file: {ex.Message}", ex);
        }
    }

    private static OutletKind? ParseKind(string? kind, string path, int index, string? name)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }

        return OutletKinds.TryParse(kind, out var parsed)
            ? parsed
            : throw new InvalidDataException($"{path}: sources[{index}] ({name}): kind '{kind}' is none of {string.Join(", ", OutletKinds.All.Select(OutletKinds.Key))}");
    }

    private sealed record SeedFile(List<SeedEntry>? Sources, List<SeedGroup>? Groups);

    private sealed record SeedEntry(string? Name, string? Url, string? Language, List<string>? Languages, string? Country, string? Kind, string? TimeZone, double? PollMinutes, bool? Enabled);

    private sealed record SeedGroup(string? Name, string? Description, List<string>? Sources);
}

/// <summary>An outlet group of <c>seeds/sources.json</c>: its name, description and the names of its sources.</summary>
public sealed record SeedOutletGroup(string Name, string? Description, IReadOnlyList<string> Sources);

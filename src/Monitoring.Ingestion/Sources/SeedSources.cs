using System.Text.Json;

namespace Monitoring.Ingestion.Sources;

/// <summary>Reads <c>seeds/sources.json</c>: the starter list of feeds shipped with the product.</summary>
public static class SeedSources
{
    public const string FileName = "sources.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="InvalidDataException">The file is not the expected JSON, or an entry is invalid; the message says which.</exception>
    public static IReadOnlyList<NewFeedSource> Read(string path)
    {
        SeedFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SeedFile>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a sources file: {ex.Message}", ex);
        }

        var sources = new List<NewFeedSource>();
        foreach (var (entry, index) in (file?.Sources ?? []).Select((entry, index) => (entry, index)))
        {
            var source = new NewFeedSource
            {
                Name = entry.Name,
                Url = entry.Url,
                Language = entry.Language,
                Country = entry.Country,
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

    private sealed record SeedFile(List<SeedEntry>? Sources);

    private sealed record SeedEntry(string? Name, string? Url, string? Language, string? Country, string? TimeZone, double? PollMinutes, bool? Enabled);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Core.Articles;

/// <summary>
/// What is known about a text file from its <c>&lt;name&gt;.meta.json</c> beside it. Without a sidecar
/// the defaults apply: source <see cref="UnknownSource"/>, language <see cref="DefaultLanguage"/>, no
/// publication date (the article is undated and charted by ingest date), no URL and no source country.
/// </summary>
public sealed record ArticleSidecar(string Source, string Language, DateTimeOffset? Published, Uri? Url)
{
    /// <summary>The outlet's country (ISO 3166-1 alpha-2, upper case), <c>sourceCountry</c> in the file; null when not given.</summary>
    public string? SourceCountry { get; init; }

    /// <summary>The source of a text that nobody described: nothing is invented.</summary>
    public const string UnknownSource = "unknown";

    /// <summary>
    /// A text whose language nobody stated is "und", undetermined: enrichment then detects it
    /// (<c>ArticleEnricher</c>) and reads it with that language's rules; guessing English would read a Serbian text
    /// without its case forms.
    /// </summary>
    public const string DefaultLanguage = "und";

    public static ArticleSidecar Default { get; } = new(UnknownSource, DefaultLanguage, null, null);

    /// <summary>The sidecar path for a text file: <c>a/b.txt</c> → <c>a/b.meta.json</c>.</summary>
    public static string PathFor(string textPath) => Path.ChangeExtension(textPath, ".meta.json");

    /// <summary>Reads the sidecar beside <paramref name="textPath"/>, or returns <see cref="Default"/> when there is none.</summary>
    /// <exception cref="InvalidDataException">The sidecar exists but is not valid; the message names the file.</exception>
    public static ArticleSidecar ReadFor(string textPath)
    {
        var path = PathFor(textPath);
        return File.Exists(path) ? Read(path) : Default;
    }

    /// <exception cref="InvalidDataException">The file is not a valid sidecar; the message names the file.</exception>
    public static ArticleSidecar Read(string sidecarPath)
    {
        SidecarJson? json;
        try
        {
            json = JsonSerializer.Deserialize<SidecarJson>(File.ReadAllText(sidecarPath));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sidecarPath}: not a valid article sidecar ({ex.Message}).", ex);
        }

        if (json is null)
        {
            throw new InvalidDataException($"{sidecarPath}: not a valid article sidecar (null).");
        }

        return new ArticleSidecar(
            string.IsNullOrWhiteSpace(json.Source) ? UnknownSource : json.Source.Trim(),
            string.IsNullOrWhiteSpace(json.Language) ? DefaultLanguage : json.Language.Trim(),
            ParsePublished(json.Published, sidecarPath),
            ParseUrl(json.Url, sidecarPath))
        {
            SourceCountry = ParseCountry(json.SourceCountry, sidecarPath),
        };
    }

    /// <summary>An ISO 3166-1 alpha-2 code in any case ("rs", "XK"), upper-cased; null or blank stays unknown.</summary>
    internal static string? ParseCountry(string? value, string origin)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim();
        return code.Length == 2 && code.All(char.IsAsciiLetter)
            ? code.ToUpperInvariant()
            : throw new InvalidDataException($"{origin}: sourceCountry '{value}' is not an ISO 3166 alpha-2 code such as \"RS\".");
    }

    /// <summary>"yyyy-MM-dd" (midnight UTC) or a full ISO 8601 timestamp; null or blank stays unknown.</summary>
    internal static DateTimeOffset? ParsePublished(string? value, string origin)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return timestamp;
        }

        throw new InvalidDataException($"{origin}: published '{value}' is neither yyyy-MM-dd nor an ISO 8601 timestamp.");
    }

    private static Uri? ParseUrl(string? value, string origin)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url)
            ? url
            : throw new InvalidDataException($"{origin}: url '{value}' is not an absolute URL.");
    }

    private sealed class SidecarJson
    {
        [JsonPropertyName("source")]
        public string? Source { get; set; }

        [JsonPropertyName("language")]
        public string? Language { get; set; }

        [JsonPropertyName("published")]
        public string? Published { get; set; }

        [JsonPropertyName("url")]
        public string? Url { get; set; }

        [JsonPropertyName("sourceCountry")]
        public string? SourceCountry { get; set; }
    }
}

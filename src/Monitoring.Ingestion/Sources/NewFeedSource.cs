using Monitoring.Core.Articles;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Ingestion.Sources;

/// <summary>A source as an editor or <c>seeds/sources.json</c> describes it, before it is stored.</summary>
public sealed record NewFeedSource
{
    public string? Name { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }

    public string? Country { get; init; }

    /// <summary>ISO 639 codes the outlet publishes in; <see cref="Language"/> is added when missing.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public OutletKind? Kind { get; init; }

    public string? TimeZone { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(15);

    public bool Enabled { get; init; } = true;

    /// <summary>What is wrong, field by field ("url", "pollInterval"…); empty when it can be stored.</summary>
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new("name", "is required");
        }
        else if (Name.Trim().Length > 200)
        {
            yield return new("name", "is longer than 200 characters");
        }

        if (string.IsNullOrWhiteSpace(Url))
        {
            // An outlet without a feed: articles from it arrive through the push API, imports or seeds.
        }
        else if (!Uri.TryCreate(Url.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            yield return new("url", $"'{Url.Trim()}' is not an absolute http(s) address");
        }
        else if (url.AbsoluteUri.Length > 2_000)
        {
            yield return new("url", "is longer than 2,000 characters");
        }

        if (PollInterval < FeedSource.MinPollInterval || PollInterval > FeedSource.MaxPollInterval)
        {
            yield return new("pollInterval", $"must be between {FeedSource.MinPollInterval.TotalMinutes:0} minute and {FeedSource.MaxPollInterval.TotalHours:0} hours");
        }

        if (!string.IsNullOrWhiteSpace(Language) && !IsLanguageCode(Language))
        {
            yield return new("language", $"'{Language}' is not an ISO 639 code such as \"sr\"");
        }

        if (Languages.FirstOrDefault(language => !IsLanguageCode(language)) is { } wrong)
        {
            yield return new("languages", $"'{wrong}' is not an ISO 639 code such as \"sr\"");
        }

        if (!string.IsNullOrWhiteSpace(Country) && (Country.Trim().Length != 2 || !Country.Trim().All(char.IsAsciiLetter)))
        {
            yield return new("country", $"'{Country}' is not an ISO 3166 alpha-2 code such as \"RS\"");
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out _))
        {
            yield return new("timeZone", $"'{TimeZone}' is not a known time zone such as \"Europe/Belgrade\"");
        }
    }

    internal FeedSource ToSource(DateTimeOffset now) => new()
    {
        Name = Name!.Trim(),
        Url = Blank(Url) is { } url ? new Uri(url).AbsoluteUri : null,
        Language = Blank(Language)?.ToLowerInvariant(),
        Languages = AllLanguages(),
        Kind = Kind,
        Country = Blank(Country)?.ToUpperInvariant(),
        TimeZone = Blank(TimeZone),
        PollInterval = PollInterval,
        Enabled = Enabled,
        AddedAt = now,
    };

    /// <summary><see cref="Languages"/> and <see cref="Language"/>, lower-case, each once, in order.</summary>
    internal List<string> AllLanguages() =>
        [.. Languages.Append(Language ?? "").Select(language => language.Trim().ToLowerInvariant()).Where(language => language.Length > 0).Distinct(StringComparer.Ordinal)];

    internal static bool IsLanguageCode(string text) => text.Trim().Length is >= 2 and <= 3 && text.Trim().All(char.IsAsciiLetter);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using System.Globalization;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;

namespace Monitoring.Alerts;

/// <summary>Alerts in words, as the alerts page and the editor show them.</summary>
public static class AlertDescriptions
{
    /// <summary>The labelled filters of a saved query, in the order the search page lists them.</summary>
    /// <param name="groups">The outlet groups' names; without them a group reads as unknown.</param>
    public static IReadOnlyList<(string Kind, string Value, string Label)> Filters(SavedQuery query, EnrichmentModel model, OutletGroupNames? groups = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(model);
        groups ??= OutletGroupNames.None;
        var filters = new List<(string, string, string)>();
        filters.AddRange(query.Countries.Select(code => ("country", code, model.CountryName(code))));
        filters.AddRange(query.Topics.Select(topic => ("topic", topic, model.TopicLabel(topic))));
        filters.AddRange(query.People.Select(person => ("person", person, person)));
        filters.AddRange(query.Sources.Select(source => ("source", source, source)));
        filters.AddRange(query.Languages.Select(language => ("language", language, "language " + language)));
        filters.AddRange(query.OutletGroups.Select(group => (SearchState.Keys.OutletGroup, group, groups.FilterLabel(group))));
        filters.AddRange(query.OutletCountries.Select(code => (SearchState.Keys.OutletCountry, code, "outlet country " + model.CountryName(code))));
        filters.AddRange(query.OutletKinds.Select(kind => (SearchState.Keys.OutletKind, kind, "outlet kind " + OutletKinds.LabelOfKey(kind))));
        if (query.CountryMode == CountryMode.About && query.Countries.Count > 0)
        {
            filters.Add(("countries", "about", "countries: about only"));
        }

        if (query.MinTension is not null || query.MaxTension is not null)
        {
            filters.Add(("tension", "", string.Create(CultureInfo.InvariantCulture, $"tension {query.MinTension ?? 0:0}–{query.MaxTension ?? 100:0}")));
        }

        return filters;
    }

    /// <summary>The query in one line: the words in quotes, then the filters.</summary>
    public static string Summary(SavedQuery query, EnrichmentModel model, OutletGroupNames? groups = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        if (query.Text is { } text)
        {
            parts.Add($"“{text}”");
        }

        parts.AddRange(Filters(query, model, groups).Select(filter => filter.Label));
        return parts.Count == 0 ? "every article" : string.Join(" · ", parts);
    }

    /// <summary>The query without one filter (<see cref="Filters"/> names it by kind and value).</summary>
    public static SavedQuery Without(SavedQuery query, string kind, string value) => kind switch
    {
        "country" => query with { Countries = [.. query.Countries.Where(item => item != value)] },
        "topic" => query with { Topics = [.. query.Topics.Where(item => item != value)] },
        "person" => query with { People = [.. query.People.Where(item => item != value)] },
        "source" => query with { Sources = [.. query.Sources.Where(item => item != value)] },
        "language" => query with { Languages = [.. query.Languages.Where(item => item != value)] },
        SearchState.Keys.OutletGroup => query with { OutletGroups = [.. query.OutletGroups.Where(item => item != value)] },
        SearchState.Keys.OutletCountry => query with { OutletCountries = [.. query.OutletCountries.Where(item => item != value)] },
        SearchState.Keys.OutletKind => query with { OutletKinds = [.. query.OutletKinds.Where(item => item != value)] },
        "countries" => query with { CountryMode = CountryMode.Mentioned },
        "tension" => query with { MinTension = null, MaxTension = null },
        _ => query,
    };

    public static string Mode(Alert alert) => alert.Mode switch
    {
        DeliveryMode.Hourly => $"Hourly digest ({alert.TimeZone})",
        DeliveryMode.Daily => $"Daily digest ({alert.TimeZone})",
        _ => "Instant",
    };

    public static string Channels(Alert alert)
    {
        var channels = new List<string>();
        if (alert.InApp)
        {
            channels.Add(alert.InAppRecipients().Count > 1 ? $"in-app ({alert.InAppRecipients().Count} people)" : "in-app");
        }

        if (alert.EmailAddresses() is { Count: > 0 } addresses)
        {
            channels.Add(addresses.Count == 1 ? "e-mail" : $"e-mail ({addresses.Count})");
        }

        if (alert.WebhookUrl is not null)
        {
            channels.Add(alert.WebhookFormat == WebhookFormat.Slack ? "webhook (Slack)" : "webhook");
        }

        return string.Join(", ", channels);
    }

    /// <summary>An instant on the alert's wall clock: "3 Mar 14:05".</summary>
    public static string LocalTime(DateTimeOffset instant, string timeZone)
    {
        var zone = TimeZoneChoicesOrUtc(timeZone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    private static TimeZoneInfo TimeZoneChoicesOrUtc(string timeZone) =>
        TimeZoneChoices.IsKnown(timeZone) ? TimeZoneInfo.FindSystemTimeZoneById(timeZone) : TimeZoneInfo.Utc;
}

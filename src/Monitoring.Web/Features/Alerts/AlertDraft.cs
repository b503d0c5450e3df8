using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Features.Alerts;

/// <summary>An alert as the editor edits it: every field may still be wrong; <see cref="AlertService"/> checks them.</summary>
public sealed class AlertDraft
{
    /// <summary>The alert being edited, or null for a new one.</summary>
    public Guid? Id { get; init; }

    public string? Name { get; set; }

    /// <summary>What the alert looks for. Its text is edited through <see cref="QueryText"/>.</summary>
    public SavedQuery Query { get; set; } = new();

    public string? QueryText
    {
        get => Query.Text;
        set => Query = Query with { Text = string.IsNullOrWhiteSpace(value) ? null : value.Trim() };
    }

    public DeliveryMode Mode { get; set; } = DeliveryMode.Instant;

    public string TimeZone { get; set; } = ArticleQuery.DefaultTimeZone;

    public DigestOrder DigestOrder { get; set; } = DigestOrder.Tension;

    public bool NewStoriesOnly { get; set; } = true;

    public bool InApp { get; set; } = true;

    public string? SharedWith { get; set; }

    public string? EmailRecipients { get; set; }

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    public WebhookFormat WebhookFormat { get; set; } = WebhookFormat.Json;

    /// <summary>
    /// A new alert for the search in <paramref name="search"/>: its text and filters (what
    /// <see cref="SavedQuery.From"/> keeps) and its time zone; named after its text.
    /// </summary>
    public static AlertDraft FromSearch(SearchState search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = SavedQuery.From(search.ToArticleQuery());
        return new AlertDraft
        {
            Name = query.Text is { Length: <= Alert.MaxNameLength } text ? text : null,
            Query = query,
            TimeZone = search.TimeZone,
        };
    }

    public static AlertDraft From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertDraft
        {
            Id = alert.Id,
            Name = alert.Name,
            Query = SavedQuery.FromJson(alert.QueryJson),
            Mode = alert.Mode,
            TimeZone = alert.TimeZone,
            DigestOrder = alert.DigestOrder,
            NewStoriesOnly = alert.NewStoriesOnly,
            InApp = alert.InApp,
            SharedWith = alert.SharedWith,
            EmailRecipients = alert.EmailRecipients,
            WebhookUrl = alert.WebhookUrl,
            WebhookSecret = alert.WebhookSecret,
            WebhookFormat = alert.WebhookFormat,
        };
    }

    /// <summary>What of <paramref name="search"/> an alert made from it leaves out, in words, for the editor to see.</summary>
    public static IReadOnlyList<string> NotKeptFrom(SearchState search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var left = new List<string>();
        if (search.From is not null || search.To is not null)
        {
            left.Add("the date range");
        }

        if (search.Story is not null)
        {
            left.Add("the one-story filter");
        }

        if (search.Sort != SearchSort.Relevance)
        {
            left.Add("the sort order");
        }

        if (search.DateBasis != DateBasis.Published)
        {
            left.Add("the ingested-date basis");
        }

        return left;
    }
}

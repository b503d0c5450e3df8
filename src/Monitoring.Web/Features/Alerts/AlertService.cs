using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Core.Search;
using Monitoring.Core.Validation;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Fetching;
using Monitoring.Ingestion.Inbox;
using Monitoring.Search;
using Monitoring.Web.Features.Trends;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// Editors' changes to their alerts: checks a draft field by field, saves it and keeps the percolator in
/// step at once (the scan job only catches up with alerts it is missing, not with changed queries).
/// Only an alert's owner may change it; a user it is shared with may only stop receiving it. User names
/// are compared without regard to case (<see cref="UserNames"/>).
/// </summary>
public sealed class AlertService(IDbContextFactory<AppDbContext> app, IAlertPercolator percolator, DestinationGuard destinations, TimeProvider clock)
{
    /// <summary>Creates the alert (no <see cref="AlertDraft.Id"/>) or updates the owner's alert; nothing is stored when a field is wrong.</summary>
    public async Task<AlertSaveResult> SaveAsync(AlertDraft draft, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        user = UserNames.Normalise(user);
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var errors = Validate(draft).Concat(await UnknownRecipientsAsync(db, draft, cancellationToken)).ToList();
            if (!errors.Any(error => error.Field == AlertFields.WebhookUrl) && !string.IsNullOrWhiteSpace(draft.WebhookUrl)
                && await destinations.RefusalOfAsync(new Uri(draft.WebhookUrl.Trim()), cancellationToken) is { } refusal)
            {
                errors.Add(new FieldError(AlertFields.WebhookUrl, "This webhook would never be called: " + refusal + "."));
            }

            if (errors.Count > 0)
            {
                return new AlertSaveResult(null, errors);
            }

            var now = clock.GetUtcNow();
            Alert? alert;
            string? previousQuery = null;
            if (draft.Id is { } id)
            {
                alert = await db.Alerts.SingleOrDefaultAsync(existing => existing.Id == id && existing.Owner == user, cancellationToken);
                if (alert is null)
                {
                    return new AlertSaveResult(null, [new FieldError(AlertFields.Alert, "This alert no longer exists, or it is not yours to change.")]);
                }

                previousQuery = alert.QueryJson;
            }
            else
            {
                alert = new Alert { Id = Guid.NewGuid(), Owner = user, CreatedAt = now };
                db.Alerts.Add(alert);
            }

            // Registering is also what checks the query: the percolator refuses text it cannot parse.
            try
            {
                await percolator.RegisterAsync(alert.Id.ToString(), draft.Query.ToArticleQuery(), cancellationToken);
            }
            catch (InvalidQueryException invalid)
            {
                return new AlertSaveResult(null, [new FieldError(AlertFields.Query, QueryErrorMessage(invalid))]) { InvalidQuery = invalid };
            }

            Apply(draft, alert);
            alert.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await RestorePercolatorAsync(alert.Id, previousQuery);
                throw;
            }

            // Once more after saving: the scan job's catch-up may have dropped the query as an orphan
            // between registering it and saving the alert it belongs to.
            await percolator.RegisterAsync(alert.Id.ToString(), draft.Query.ToArticleQuery(), cancellationToken);
            return new AlertSaveResult(alert, []);
        }
    }

    /// <summary>The owner's alert, or null when there is none with that id.</summary>
    public async Task<Alert?> GetAsync(Guid id, string user, CancellationToken cancellationToken = default)
    {
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            user = UserNames.Normalise(user);
            return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(alert => alert.Id == id && alert.Owner == user, cancellationToken);
        }
    }

    /// <summary>The user's alerts by name, each with how its deliveries went.</summary>
    public async Task<IReadOnlyList<AlertSummary>> ListAsync(string user, CancellationToken cancellationToken = default)
    {
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            user = UserNames.Normalise(user);
            var alerts = await db.Alerts.AsNoTracking().Where(alert => alert.Owner == user).ToListAsync(cancellationToken);
            var summaries = new List<AlertSummary>();
            foreach (var alert in alerts.OrderBy(alert => alert.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                var deliveries = db.AlertDeliveries.AsNoTracking().Where(delivery => delivery.AlertId == alert.Id);
                var lastSent = await deliveries.Where(delivery => delivery.State == DeliveryState.Sent)
                    .OrderByDescending(delivery => delivery.Id).FirstOrDefaultAsync(cancellationToken);
                var failed = await deliveries.CountAsync(delivery => delivery.State == DeliveryState.Failed, cancellationToken);
                var retrying = await deliveries.CountAsync(delivery => delivery.State == DeliveryState.Pending && delivery.LastError != null, cancellationToken);
                var lastProblem = await deliveries
                    .Where(delivery => delivery.State == DeliveryState.Failed || (delivery.State == DeliveryState.Pending && delivery.LastError != null))
                    .OrderByDescending(delivery => delivery.Id).FirstOrDefaultAsync(cancellationToken);
                summaries.Add(new AlertSummary(alert, lastSent?.SentAt, failed, retrying, lastProblem));
            }

            return summaries;
        }
    }

    /// <summary>Other users' alerts that deliver to this user's in-app inbox, by name.</summary>
    public async Task<IReadOnlyList<Alert>> ListSharedWithAsync(string user, CancellationToken cancellationToken = default)
    {
        user = UserNames.Normalise(user);
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            // The list is stored normalised, so the substring test narrows in SQL; the exact test is on whole names.
            var candidates = await db.Alerts.AsNoTracking()
                .Where(alert => alert.InApp && alert.Owner != user && alert.SharedWith != null && alert.SharedWith.Contains(user))
                .ToListAsync(cancellationToken);
            return [.. candidates
                .Where(alert => alert.SharedRecipients().Contains(user, UserNames.Comparer))
                .OrderBy(alert => alert.Name, StringComparer.CurrentCultureIgnoreCase)];
        }
    }

    /// <summary>Takes the user off an alert shared with them: its news no longer reaches their inbox.</summary>
    /// <returns>False when the alert does not exist or is not shared with the user.</returns>
    public async Task<bool> LeaveAsync(Guid id, string user, CancellationToken cancellationToken = default)
    {
        user = UserNames.Normalise(user);
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var alert = await db.Alerts.SingleOrDefaultAsync(alert => alert.Id == id, cancellationToken);
            if (alert is null || !alert.SharedRecipients().Contains(user, UserNames.Comparer))
            {
                return false;
            }

            alert.SharedWith = Joined(alert.SharedRecipients().Where(name => !UserNames.Comparer.Equals(name, user)));
            alert.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }

    public Task<bool> PauseAsync(Guid id, string user, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, user, alert => alert.Paused = true, cancellationToken);

    public Task<bool> ResumeAsync(Guid id, string user, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, user, alert => (alert.Paused, alert.SnoozedUntil) = (false, null), cancellationToken);

    /// <summary>Mutes the alert until <paramref name="until"/>; matches meanwhile are not reported later either.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> is not in the future.</exception>
    public Task<bool> SnoozeAsync(Guid id, string user, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (until <= clock.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "An alert can only be snoozed until a time still to come.");
        }

        return ChangeAsync(id, user, alert => alert.SnoozedUntil = until, cancellationToken);
    }

    /// <summary>Deletes the alert with its matches, deliveries and notifications, and forgets its query.</summary>
    public async Task<bool> DeleteAsync(Guid id, string user, CancellationToken cancellationToken = default)
    {
        user = UserNames.Normalise(user);
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var deleted = await db.Alerts.Where(alert => alert.Id == id && alert.Owner == user).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                return false;
            }
        }

        await percolator.RemoveAsync(id.ToString(), cancellationToken);
        return true;
    }

    /// <summary>
    /// A recipient without an account would never see the alert; a misspelt name is caught here rather than
    /// found out weeks later.
    /// </summary>
    private static async Task<IEnumerable<FieldError>> UnknownRecipientsAsync(AppDbContext db, AlertDraft draft, CancellationToken cancellationToken)
    {
        var names = UserNames.Split(draft.SharedWith);
        if (names.Count == 0 || !draft.InApp)
        {
            return [];
        }

        // Identity keeps user names upper-cased for lookups.
        var lookups = names.Select(name => name.ToUpperInvariant()).ToList();
        var known = await db.Users.Where(account => lookups.Contains(account.NormalizedUserName!))
            .Select(account => account.NormalizedUserName!).ToListAsync(cancellationToken);
        var unknown = names.Where(name => !known.Contains(name.ToUpperInvariant(), StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? []
            : [new FieldError(AlertFields.SharedWith, unknown.Count == 1
                ? $"There is no user '{unknown[0]}'. Check the spelling; an admin sees every user name on the Users page."
                : $"There are no users {string.Join(", ", unknown.Select(name => $"'{name}'"))}. Check the spelling; an admin sees every user name on the Users page.")];
    }

    /// <summary>Every problem with the draft, field by field (<see cref="AlertFields"/>); the query's syntax is checked on saving.</summary>
    public static IReadOnlyList<FieldError> Validate(AlertDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new(AlertFields.Name, "Give the alert a name."));
        }
        else if (draft.Name.Trim().Length > Alert.MaxNameLength)
        {
            errors.Add(new(AlertFields.Name, $"A name has at most {Alert.MaxNameLength} characters."));
        }

        var query = draft.Query;
        if (query.Text is null && query.Countries.Count + query.Topics.Count + query.People.Count + query.Sources.Count + query.Languages.Count == 0
            && query.MinTension is null && query.MaxTension is null)
        {
            errors.Add(new(AlertFields.Query, "Give the alert search words or a filter; as it is, it would match every article."));
        }

        if (string.IsNullOrWhiteSpace(draft.TimeZone) || !TimeZoneChoices.IsKnown(draft.TimeZone))
        {
            errors.Add(new(AlertFields.TimeZone, $"Unknown time zone '{draft.TimeZone}'; use an IANA id such as Europe/Belgrade."));
        }

        if (!draft.InApp && string.IsNullOrWhiteSpace(draft.EmailRecipients) && string.IsNullOrWhiteSpace(draft.WebhookUrl))
        {
            errors.Add(new(AlertFields.Channels, "Choose at least one channel: in-app, e-mail or webhook."));
        }

        if (Joined(UserNames.Split(draft.SharedWith)) is { Length: > Alert.MaxAddressListLength })
        {
            errors.Add(new(AlertFields.SharedWith, $"The list of users has at most {Alert.MaxAddressListLength} characters."));
        }

        var addresses = SplitList(draft.EmailRecipients);
        if (addresses.FirstOrDefault(address => !IsEmailAddress(address)) is { } wrong)
        {
            errors.Add(new(AlertFields.Email, $"'{wrong}' is not an e-mail address (name@example.org)."));
        }
        else if (Normalised(draft.EmailRecipients) is { Length: > Alert.MaxAddressListLength })
        {
            errors.Add(new(AlertFields.Email, $"The list of addresses has at most {Alert.MaxAddressListLength} characters."));
        }

        if (!string.IsNullOrWhiteSpace(draft.WebhookUrl))
        {
            var url = draft.WebhookUrl.Trim();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(new(AlertFields.WebhookUrl, $"'{url}' is not an absolute http(s) address."));
            }
            else if (url.Length > Alert.MaxUrlLength)
            {
                errors.Add(new(AlertFields.WebhookUrl, $"An address has at most {Alert.MaxUrlLength} characters."));
            }

            if (string.IsNullOrWhiteSpace(draft.WebhookSecret))
            {
                errors.Add(new(AlertFields.WebhookSecret, "A webhook needs a secret: the receiver checks each message's signature with it."));
            }
            else if (draft.WebhookSecret.Length > MaxSecretLength)
            {
                errors.Add(new(AlertFields.WebhookSecret, $"A secret has at most {MaxSecretLength} characters."));
            }
        }

        return errors;
    }

    /// <summary>How a query that does not parse is explained to the editor.</summary>
    public static string QueryErrorMessage(InvalidQueryException invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return "The search words could not be understood: " + invalid.Message;
    }

    private const int MaxSecretLength = 200;

    private async Task<bool> ChangeAsync(Guid id, string user, Action<Alert> change, CancellationToken cancellationToken)
    {
        user = UserNames.Normalise(user);
        var db = await app.CreateDbContextAsync(cancellationToken);
        await using (db)
        {
            var alert = await db.Alerts.SingleOrDefaultAsync(alert => alert.Id == id && alert.Owner == user, cancellationToken);
            if (alert is null)
            {
                return false;
            }

            change(alert);
            alert.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }

    private async Task RestorePercolatorAsync(Guid id, string? previousQuery)
    {
        if (previousQuery is null)
        {
            await percolator.RemoveAsync(id.ToString(), CancellationToken.None);
        }
        else
        {
            await AlertQueries.RegisterAsync(percolator, id, previousQuery, CancellationToken.None);
        }
    }

    private static void Apply(AlertDraft draft, Alert alert)
    {
        var hasWebhook = !string.IsNullOrWhiteSpace(draft.WebhookUrl);
        alert.Name = draft.Name!.Trim();
        alert.QueryJson = draft.Query.ToJson();
        alert.Mode = draft.Mode;
        alert.TimeZone = draft.TimeZone.Trim();
        alert.DigestOrder = draft.DigestOrder;
        alert.NewStoriesOnly = draft.NewStoriesOnly;
        alert.InApp = draft.InApp;
        alert.SharedWith = Joined(UserNames.Split(draft.SharedWith).Where(name => name != alert.Owner));
        alert.EmailRecipients = Normalised(draft.EmailRecipients);
        alert.WebhookUrl = hasWebhook ? draft.WebhookUrl!.Trim() : null;
        alert.WebhookSecret = hasWebhook ? draft.WebhookSecret : null;
        alert.WebhookFormat = draft.WebhookFormat;
    }

    private static bool IsEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0 && address.Host.Contains('.', StringComparison.Ordinal);

    private static string[] SplitList(string? list) =>
        list?.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The list as stored: trimmed items joined by ", ", or null when empty.</summary>
    private static string? Normalised(string? list) => Joined(SplitList(list));

    private static string? Joined(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : null;
}

/// <summary>The saved alert, or what is wrong with the draft, field by field.</summary>
public sealed record AlertSaveResult(Alert? Alert, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Alert is not null;

    /// <summary>When the search words do not parse: the parser's account, with where the problem is.</summary>
    public InvalidQueryException? InvalidQuery { get; init; }
}

/// <summary>An alert in the list, with how its deliveries went.</summary>
/// <param name="LastSentAt">When its latest delivery was sent, on any channel.</param>
/// <param name="FailedCount">Deliveries given up after every retry failed.</param>
/// <param name="RetryingCount">Deliveries that failed at least once and will be tried again.</param>
/// <param name="LastProblem">The latest failed or retrying delivery, with its error.</param>
public sealed record AlertSummary(Alert Alert, DateTimeOffset? LastSentAt, int FailedCount, int RetryingCount, AlertDelivery? LastProblem);

/// <summary>The names of the fields <see cref="AlertService.Validate"/> reports on.</summary>
public static class AlertFields
{
    public const string Alert = "alert";
    public const string Name = "name";
    public const string Query = "query";
    public const string TimeZone = "timeZone";
    public const string Channels = "channels";
    public const string SharedWith = "sharedWith";
    public const string Email = "email";
    public const string WebhookUrl = "webhookUrl";
    public const string WebhookSecret = "webhookSecret";
}

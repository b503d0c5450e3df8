using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts.Data;

namespace Monitoring.Alerts;

/// <summary>Puts the message in the in-app inbox of the alert's owner and of everyone it is shared with.</summary>
/// <remarks>The recipients' open pages are told at once (<see cref="InboxNotifier"/>), so their bells need not poll.</remarks>
public sealed class InAppChannel(IDbContextFactory<AlertsDbContext> app, TimeProvider clock, InboxNotifier notifier) : IAlertChannel
{
    public AlertChannel Kind => AlertChannel.InApp;

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var db = await app.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var already = await db.Notifications
                .Where(notification => notification.DeliveryId == message.DeliveryId)
                .Select(notification => notification.Recipient)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var lead = message.Stories[0];
            var recipients = message.Alert.InAppRecipients().Except(already, UserNames.Comparer).ToList();
            foreach (var recipient in recipients)
            {
                db.Notifications.Add(new Notification
                {
                    Recipient = recipient,
                    AlertId = message.Alert.Id,
                    DeliveryId = message.DeliveryId,
                    Title = Truncate(message.Subject, Notification.MaxTitleLength),
                    Summary = message.Period is null ? string.Join(", ", lead.Outlets) : string.Join(" · ", message.Stories.Take(3).Select(story => story.Lead.Article.Title)),
                    Link = message.Period is null ? "/" + AlertMessage.ArticlePath(lead) : AlertLinks.SearchPath(message.Alert),
                    CreatedAt = clock.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            notifier.Notify(recipients);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using Monitoring.Core.Search;

namespace Monitoring.Alerts;

/// <summary>The e-mail of one alert delivery: a plain-text and an HTML body with the same stories and links.</summary>
internal static class AlertEmail
{
    /// <summary>
    /// The Message-ID of a delivery's e-mail (without angle brackets): the same for every send of one
    /// delivery, different for every other, including deliveries of another database with the same ids.
    /// </summary>
    public static string MessageId(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Create(CultureInfo.InvariantCulture, $"alert-delivery-{message.DeliveryId}.{message.Alert.Id:N}@{message.BaseUrl.IdnHost}");
    }

    /// <exception cref="InvalidOperationException">The sender or a recipient is not an e-mail address, or there is no recipient.</exception>
    public static MimeMessage Compose(AlertMessage message, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = MessageId(message),
            Date = date,
            Body = new BodyBuilder { TextBody = PlainText(message), HtmlBody = Html(message) }.ToMessageBody(),
        };
        email.From.Add(Address(from, "Alerts:Smtp:From"));
        email.To.AddRange(message.Alert.EmailAddresses().Select(address => Address(address, $"the e-mail recipients of alert '{message.Alert.Name}'")));
        if (email.To.Count == 0)
        {
            throw new InvalidOperationException($"Alert '{message.Alert.Name}' has no e-mail recipient.");
        }

        return email;
    }

    private static string PlainText(AlertMessage message) =>
        $"{message.PlainText()}\nEverything this alert finds: {message.SearchLink}\n";

    /// <summary>Every string that comes from an article or the alert is encoded: titles and outlet names are not ours.</summary>
    private static string Html(AlertMessage message)
    {
        var zone = ZonedDates.Find(message.Alert.TimeZone);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n")
            .Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:1.1em\">{Encode(message.Subject)}</h2>\n<ul>\n");
        foreach (var story in message.Stories)
        {
            var lead = story.Lead;
            var when = TimeZoneInfo.ConvertTime(lead.Article.EffectiveDate, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<li style=\"margin-bottom:0.8em\"><a href=\"{Encode(message.ArticleLink(story).AbsoluteUri)}\">{Encode(lead.Article.Title)}</a><br>\n")
                .Append(CultureInfo.InvariantCulture, $"<small>{Encode(string.Join(", ", story.Outlets))} · tension {lead.Tags.Tension.Value:0} · {when}</small></li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul>\n<p><a href=\"{Encode(message.SearchLink.AbsoluteUri)}\">Everything this alert finds</a></p>\n</body></html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static MailboxAddress Address(string address, string where) =>
        MailboxAddress.TryParse(address, out var mailbox)
            ? mailbox
            : throw new InvalidOperationException($"'{address}' in {where} is not an e-mail address.");
}

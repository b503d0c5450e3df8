using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Monitoring.Alerts;

/// <summary>
/// Sends one e-mail per delivery to all of the alert's addresses through the SMTP server of
/// <see cref="AlertsOptions.Smtp"/>. The Message-ID is derived from the delivery, so a message sent again
/// after a crash (see <see cref="AlertDeliveryJob"/>) carries the same id and mail clients can drop it.
/// </summary>
public sealed class EmailChannel(IOptions<AlertsOptions> options, TimeProvider clock) : IAlertChannel
{
    public AlertChannel Kind => AlertChannel.Email;

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("E-mail is not set up: Alerts:Smtp:Host is empty.");
        }

        using var email = AlertEmail.Compose(message, smtp.From, clock.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(email, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.CommandException)
        {
            // The server has accepted the message; a failed goodbye must not make the delivery send it again.
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        // StartTls (not StartTlsWhenAvailable): a server that cannot upgrade must not get credentials in clear text.
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}

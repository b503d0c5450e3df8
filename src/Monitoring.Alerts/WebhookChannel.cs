using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;

namespace Monitoring.Alerts;

/// <summary>
/// POSTs a delivery to the alert's webhook URL: JSON signed with the alert's secret over the exact bytes
/// sent (<see cref="WebhookSignature"/>), with the delivery id in <see cref="DeliveryHeader"/> so the
/// receiver can drop a repeat. Anything but a 2xx answer within <see cref="AlertsOptions.WebhookTimeout"/>
/// throws, and the delivery job retries with back-off.
/// </summary>
public sealed class WebhookChannel(HttpClient http, IOptions<AlertsOptions> options) : IAlertChannel
{
    /// <summary>Carries <see cref="AlertMessage.DeliveryId"/>: the same on every attempt of one delivery.</summary>
    public const string DeliveryHeader = "X-Monitoring-Delivery";

    private const int ExcerptLength = 200;

    public AlertChannel Kind => AlertChannel.Webhook;

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var alert = message.Alert;
        if (!Uri.TryCreate(alert.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"The webhook URL of alert '{alert.Name}' is not an http(s) address.");
        }

        var body = WebhookPayload.For(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DeliveryHeader, message.DeliveryId.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(alert.WebhookSecret))
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(alert.WebhookSecret, body));
        }

        var timeout = options.Value.WebhookTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var excerpt = await ExcerptAsync(response.Content, deadline.Token).ConfigureAwait(false);
                throw new HttpRequestException(
                    $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt}", null, response.StatusCode);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not an OperationCanceledException: the delivery job lets those through as a shutdown, this is a failure to retry.
            throw new TimeoutException($"The webhook did not answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
    }

    /// <summary>The start of the answer's body on one line, so the error shown on the alert says what the receiver said.</summary>
    private static async Task<string> ExcerptAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ExcerptLength * 4];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var text = Whitespace.Collapse(Encoding.UTF8.GetString(buffer, 0, read));
            return text.Length == 0 ? "(no body)" : text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
        }
    }
}

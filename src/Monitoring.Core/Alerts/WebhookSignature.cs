using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Core.Alerts;

/// <summary>
/// The HMAC a webhook receiver checks to know a delivery came from this product and was not altered:
/// HMAC-SHA256 over the exact body bytes with the alert's shared secret, sent as "sha256=&lt;hex&gt;".
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Monitoring-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="body"/>; compared in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));
}

using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Monitoring.Ingestion.Fetching;

/// <summary>
/// Settings of section "OutboundRequests": which destinations requests the product makes on a user's behalf
/// (feeds, article pages, alert webhooks) may reach besides the public internet.
/// </summary>
public sealed class OutboundRequestsOptions : IValidatableObject
{
    public const string SectionName = "OutboundRequests";

    /// <summary>
    /// Networks in CIDR notation (<c>10.1.0.0/16</c>, <c>127.0.0.1/32</c>, <c>fd00::/8</c>) that may be reached
    /// although they are loopback, private, link-local or otherwise not public. Empty by default: a feed or
    /// webhook URL that resolves only to such addresses is refused.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>The parsed <see cref="AllowedNetworks"/>; call only after validation.</summary>
    public IReadOnlyList<IPNetwork> ParsedAllowedNetworks() => [.. AllowedNetworks.Select(network => IPNetwork.Parse(network.Trim()))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network?.Trim(), out _))
            {
                yield return new ValidationResult(
                    $"'{network}' is not a network in CIDR notation, such as 10.0.0.0/8 or 127.0.0.1/32.",
                    [nameof(AllowedNetworks)]);
            }
        }
    }
}

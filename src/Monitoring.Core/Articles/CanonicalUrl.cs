namespace Monitoring.Core.Articles;

/// <summary>
/// The form of an article URL that two links to the same page share: the same page reached through a
/// newsletter, a social network or a feed gets one <see cref="ArticleId"/>.
/// </summary>
public static class CanonicalUrl
{
    // Parameters that say how a reader arrived, not which page they read.
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_", "itm_"];

    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref", "ref_src", "cmpid", "ocid", "at_medium", "at_campaign",
    };

    /// <summary>
    /// Lowercases scheme and host, drops the default port, the fragment, tracking parameters and an empty
    /// query; keeps the path as written (paths are case-sensitive on many servers).
    /// </summary>
    /// <exception cref="ArgumentException">The URL is relative or not http(s).</exception>
    public static Uri Normalise(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
        }

        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(parameter => !IsTracking(parameter.Split('=', 2)[0]))
            .ToList();
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.Host.ToLowerInvariant().TrimEnd('.'),
            Port = url.IsDefaultPort ? -1 : url.Port,
            Fragment = string.Empty,
            Query = kept.Count == 0 ? string.Empty : string.Join('&', kept),
        };
        return builder.Uri;
    }

    /// <summary>
    /// Parses an absolute http(s) URL and normalises it; <paramref name="relativeTo"/> resolves relative
    /// links (feeds often carry them).
    /// </summary>
    public static bool TryNormalise(string? text, Uri? relativeTo, out Uri? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Uri? url;
        if (relativeTo is not null)
        {
            if (!Uri.TryCreate(relativeTo, text.Trim(), out url))
            {
                return false;
            }
        }
        else if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out url))
        {
            return false;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        canonical = Normalise(url);
        return true;
    }

    private static bool IsTracking(string name) =>
        TrackingParameters.Contains(name) || TrackingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}

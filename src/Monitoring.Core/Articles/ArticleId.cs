using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Core.Articles;

/// <summary>
/// The stable identity of an article: the same article always gets the same id, so re-ingesting it
/// overwrites instead of doubling. 16 lowercase hex characters of a SHA-256.
/// </summary>
public readonly record struct ArticleId
{
    private ArticleId(string value) => Value = value;

    public string Value { get; }

    /// <summary>For articles with a canonical URL (fragment dropped, scheme and host lowercased).</summary>
    public static ArticleId ForUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var canonical = new UriBuilder(url) { Fragment = string.Empty }.Uri.GetComponents(
            UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        return FromKey("url:" + canonical.ToLowerInvariant());
    }

    /// <summary>
    /// For articles without a unique URL (a text file, a portal page holding many items): the source
    /// and the normalised text decide.
    /// </summary>
    public static ArticleId ForContent(string source, string title, string body)
    {
        var key = string.Join('\u001f', Normalise(source), Normalise(title), Normalise(body));
        return FromKey("content:" + key);
    }

    /// <summary>Reads an id that was written with <see cref="Value"/>.</summary>
    public static ArticleId Parse(string value)
    {
        if (value is not { Length: 16 } || !value.All(char.IsAsciiHexDigitLower))
        {
            throw new FormatException($"'{value}' is not an article id (16 lowercase hex characters).");
        }

        return new ArticleId(value);
    }

    public static bool TryParse(string? value, out ArticleId id)
    {
        if (value is { Length: 16 } && value.All(char.IsAsciiHexDigitLower))
        {
            id = new ArticleId(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value;

    private static ArticleId FromKey(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new ArticleId(Convert.ToHexStringLower(hash, 0, 8));
    }

    private static string Normalise(string text) =>
        Whitespace.Collapse(text).ToLowerInvariant();
}

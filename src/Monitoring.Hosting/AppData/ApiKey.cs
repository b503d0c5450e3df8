namespace Monitoring.Hosting.AppData;

/// <summary>
/// A key for the HTTP API, as stored: never the key itself, only its SHA-256 hash and the random id
/// (<see cref="Prefix"/>) it starts with, which finds the row.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }

    /// <summary>What the admin called it (who sends with it, say).</summary>
    public required string Name { get; set; }

    /// <summary>The key's public id, also its first characters after <c>bmm_</c>; unique.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key (UTF-8).</summary>
    public required byte[] Hash { get; set; }

    /// <summary>Space-separated scopes (the web app's API-key scopes).</summary>
    public required string Scopes { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>When a request last authenticated with it (recorded at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When it was revoked; from then on it is refused (401).</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.ApiKeys;

/// <summary>A newly created key: the stored row, and the key itself, which is shown once and never again.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>What a presented key turned out to be.</summary>
public enum ApiKeyCheck
{
    Unknown,
    Revoked,
    Valid,
}

/// <summary>
/// Creates, lists, revokes and checks API keys. A key is <c>bmm_</c>, a 16-hex-digit random id and
/// <c>_</c>, then 256 random bits (base64url): the id finds the row, the hash of the whole key proves it.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    private const string KeyStart = "bmm_";
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name, IEnumerable<string> scopes, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var scopeList = scopes.Distinct(StringComparer.Ordinal).ToList();
        if (scopeList.Count == 0 || scopeList.Any(scope => !ApiKeyScopes.IsKnown(scope)))
        {
            throw new ArgumentException("Give at least one scope, each one of ApiKeyScopes.All.", nameof(scopes));
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = KeyStart + prefix + "_" + Account.FirstAdminSetup.Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Prefix = prefix,
            Hash = Hash(secret),
            Scopes = string.Join(' ', scopeList),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new CreatedApiKey(key, secret);
    }

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. keys.OrderByDescending(key => key.CreatedAt)];
        }
    }

    /// <summary>Revokes the key; false when there is none with that id.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var key = await db.ApiKeys.FindAsync([id], cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return false;
            }

            key.RevokedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Checks a presented key and, when valid, records its use.</summary>
    public async Task<(ApiKeyCheck Check, ApiKey? Key)> CheckAsync(string presented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presented);
        // "bmm_" + 16 hex digits + "_" + secret (whose base64url alphabet has '_' too, so no splitting on it).
        if (presented.Length < KeyStart.Length + 18 || !presented.StartsWith(KeyStart, StringComparison.Ordinal) || presented[KeyStart.Length + 16] != '_')
        {
            return (ApiKeyCheck.Unknown, null);
        }

        var prefix = presented.Substring(KeyStart.Length, 16);

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(key => key.Prefix == prefix, cancellationToken).ConfigureAwait(false);
            if (key is null || !CryptographicOperations.FixedTimeEquals(key.Hash, Hash(presented)))
            {
                return (ApiKeyCheck.Unknown, null);
            }

            if (key.RevokedAt is not null)
            {
                return (ApiKeyCheck.Revoked, key);
            }

            var now = clock.GetUtcNow();
            if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedPrecision)
            {
                // At most one write a minute per key: a busy sender must not turn every push into two writes.
                key.LastUsedAt = now;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return (ApiKeyCheck.Valid, key);
        }
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

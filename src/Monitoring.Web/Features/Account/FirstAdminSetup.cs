using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// The one-time setup token that lets the first admin choose a name and password: issued on a start with
/// no users (and printed in the log as a link), valid for <see cref="AccountOptions.SetupLinkLifetime"/>,
/// consumed by the first successful use. Only its hash is kept, and only in memory: a restart issues a new one.
/// </summary>
public sealed class FirstAdminSetup(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AccountOptions> options) : IDisposable
{
    public const string SetupPath = "/account/setup";

    private readonly SemaphoreSlim _creating = new(1, 1);
    private byte[]? _tokenHash;
    private DateTimeOffset _expires;

    /// <summary>A new token (replacing any earlier one) and when it expires.</summary>
    public (string Token, DateTimeOffset Expires) Issue()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        lock (_creating)
        {
            _tokenHash = Hash(token);
            _expires = clock.GetUtcNow() + options.Value.SetupLinkLifetime;
            return (token, _expires);
        }
    }

    /// <summary>Whether <paramref name="token"/> is the current, unexpired, unused token.</summary>
    public bool IsValid(string? token)
    {
        lock (_creating)
        {
            return token is { Length: > 0 } && _tokenHash is not null && clock.GetUtcNow() < _expires
                && CryptographicOperations.FixedTimeEquals(_tokenHash, Hash(token));
        }
    }

    /// <summary>
    /// Creates the first admin with <paramref name="token"/>, which is then spent. Refused when the token is
    /// not valid or any user exists already (two browsers racing with one link make one admin).
    /// </summary>
    public async Task<IReadOnlyList<string>> CreateAdminAsync(string? token, string userName, string password)
    {
        await _creating.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!IsValid(token))
            {
                return ["This setup link is not valid any more. Restart the app for a new one (it is printed in the log)."];
            }

            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                if (users.Users.Any())
                {
                    Spend();
                    return ["The first admin exists already; sign in instead."];
                }

                var errors = await UserAdministration.CreateAsync(users, userName, password, Roles.Admin, mustChangePassword: false).ConfigureAwait(false);
                if (errors.Count == 0)
                {
                    Spend();
                }

                return errors;
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    public void Dispose() => _creating.Dispose();

    private void Spend()
    {
        lock (_creating)
        {
            _tokenHash = null;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

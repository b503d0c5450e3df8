using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.ApiKeys;

/// <summary>
/// The "ApiKey" authentication scheme: a key in the <c>X-Api-Key</c> header becomes a principal named after
/// the key, with one <see cref="ScopeClaim"/> per scope. Unknown and revoked keys fail (401 when a policy
/// needs the scheme); a valid key without the scope a policy asks for gets 403.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "scope";

    public static AuthenticationBuilder AddApiKeys(this AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        authentication.Services.AddSingleton<ApiKeyService>();
        return authentication.AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, displayName: null, configureOptions: null);
    }

    /// <summary>Whether <paramref name="user"/> signed in with an API key carrying <paramref name="scope"/>.</summary>
    public static bool HasScope(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identities.Any(identity => identity.AuthenticationType == Scheme
            && identity.HasClaim(ScopeClaim, scope));
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var presented = Request.Headers[Header].ToString();
            if (presented.Length == 0)
            {
                return AuthenticateResult.NoResult();
            }

            var (check, key) = await keys.CheckAsync(presented, Context.RequestAborted).ConfigureAwait(false);
            if (check != ApiKeyCheck.Valid)
            {
                return AuthenticateResult.Fail(check == ApiKeyCheck.Revoked ? "The API key was revoked." : "Unknown API key.");
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, "api-key:" + key!.Name),
                    new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                    .. key.ScopeList.Select(scope => new Claim(ScopeClaim, scope)),
                ],
                ApiKeyAuthentication.Scheme);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
        }
    }
}

using Microsoft.AspNetCore.Components.Authorization;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// Who is using the app: the signed-in user's name, as alerts store their owner and notifications their
/// recipient. Every page that asks requires a signed-in user, so there is no anonymous answer.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in user's name.</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in.</exception>
    public async Task<string> GetNameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("Nobody is signed in; the page should have required a policy.");
    }
}

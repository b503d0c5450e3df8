using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// Who is using the app: the signed-in user's name, or the configured local user
/// (<see cref="AccountOptions.LocalUserName"/>) while there is no sign-in. The one place that decides it,
/// so that accounts replace only this.
/// </summary>
public sealed class CurrentUser(IServiceProvider services, IOptions<AccountOptions> options)
{
    /// <summary>The user's name, as alerts store their owner and notifications their recipient.</summary>
    public async Task<string> GetNameAsync()
    {
        // Optional: outside a Blazor circuit (and in component tests) there may be no provider.
        if (services.GetService(typeof(AuthenticationStateProvider)) is AuthenticationStateProvider provider)
        {
            try
            {
                var state = await provider.GetAuthenticationStateAsync();
                if (state.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
                {
                    return name;
                }
            }
            catch (InvalidOperationException)
            {
                // The server provider throws when asked before the circuit has its user: nobody signed in.
            }
        }

        return options.Value.LocalUserName;
    }
}

public static class AccountServiceCollectionExtensions
{
    /// <summary>The current user (<see cref="CurrentUser"/>) and its settings.</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<CurrentUser>();
        return services;
    }
}

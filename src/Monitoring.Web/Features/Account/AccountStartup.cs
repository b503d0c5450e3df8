using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// At start-up (after the database is migrated): makes sure the roles exist and, while there is no user,
/// prints the first admin's setup link once the server listens. There is no default account or password.
/// </summary>
internal sealed partial class AccountStartup(
    IServiceScopeFactory scopes, FirstAdminSetup setup, IHostApplicationLifetime lifetime, IServer server, ILogger<AccountStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                {
                    await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                }
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (users.Users.Any())
            {
                return;
            }
        }

        var (token, expires) = setup.Issue();
        // The address is known only once the server listens.
        lifetime.ApplicationStarted.Register(() => NoUsersYet(logger, BaseAddress() + FirstAdminSetup.SetupPath + "?token=" + token, expires));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string BaseAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // A wildcard binding is no address a browser can open; on this machine it is reached at localhost.
        return address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No user accounts yet. Create the first admin at {SetupLink} (single use, valid until {Expires:u}; a restart prints a new link).")]
    private static partial void NoUsersYet(ILogger logger, string setupLink, DateTimeOffset expires);
}

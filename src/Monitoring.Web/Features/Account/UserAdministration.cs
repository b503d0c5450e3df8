using Microsoft.AspNetCore.Identity;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Account;

/// <summary>A user as the admin users page lists them.</summary>
public sealed record UserSummary(string Id, string UserName, string Role, DateTimeOffset? LockedUntil, bool MustChangePassword)
{
    /// <summary>Locked by an admin (not by failed attempts, which unlock by themselves).</summary>
    public bool LockedByAdmin => LockedUntil == DateTimeOffset.MaxValue;
}

/// <summary>
/// What an admin does to users: create (with a password the user must change at first sign-in), change
/// role, lock, unlock, delete. Each operation takes its own scope (a Blazor circuit outlives any one
/// operation, and a long-lived DbContext would show stale users). Every change renews the user's security
/// stamp, which ends their open sessions within a minute. Admins cannot demote, lock or delete themselves,
/// so an admin always remains.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var now = clock.GetUtcNow();
            var summaries = new List<UserSummary>();
            foreach (var user in users.Users.OrderBy(user => user.UserName).ToList())
            {
                var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
                var lockedUntil = user.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null;
                summaries.Add(new UserSummary(user.Id, user.UserName!, roles.FirstOrDefault() ?? "", lockedUntil, user.MustChangePassword));
            }

            return summaries;
        }
    }

    /// <summary>A new user who must replace <paramref name="initialPassword"/> at first sign-in; the errors, or none.</summary>
    public Task<IReadOnlyList<string>> CreateAsync(string userName, string role, string initialPassword) =>
        WithUsersAsync(users => CreateAsync(users, userName, initialPassword, role, mustChangePassword: true));

    public Task<IReadOnlyList<string>> SetRoleAsync(string userId, string role, string actingUserName) =>
        WithUserAsync(userId, actingUserName, "change your own role", async (users, user) =>
        {
            if (!Roles.All.Contains(role, StringComparer.Ordinal))
            {
                return [$"There is no role {role}."];
            }

            var current = await users.GetRolesAsync(user).ConfigureAwait(false);
            var errors = Errors(await users.RemoveFromRolesAsync(user, current).ConfigureAwait(false));
            return errors.Count > 0 ? errors : Errors(await users.AddToRoleAsync(user, role).ConfigureAwait(false));
        });

    public Task<IReadOnlyList<string>> LockAsync(string userId, string actingUserName) =>
        WithUserAsync(userId, actingUserName, "lock yourself out", async (users, user) =>
        {
            var errors = Errors(await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false));
            return errors.Count > 0 ? errors : Errors(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false));
        });

    public Task<IReadOnlyList<string>> UnlockAsync(string userId, string actingUserName) =>
        WithUserAsync(userId, actingUserName, null, async (users, user) =>
        {
            var errors = Errors(await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false));
            return errors.Count > 0 ? errors : Errors(await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false));
        });

    public Task<IReadOnlyList<string>> DeleteAsync(string userId, string actingUserName) =>
        WithUserAsync(userId, actingUserName, "delete yourself", async (users, user) =>
            Errors(await users.DeleteAsync(user).ConfigureAwait(false)), renewStamp: false);

    /// <summary>Creates a user with one role; the errors (password rules, taken name), or none.</summary>
    internal static async Task<IReadOnlyList<string>> CreateAsync(UserManager<AppUser> users, string userName, string password, string role, bool mustChangePassword)
    {
        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            return [$"There is no role {role}."];
        }

        var user = new AppUser { UserName = userName.Trim(), MustChangePassword = mustChangePassword };
        var errors = Errors(await users.CreateAsync(user, password).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            return errors;
        }

        errors = Errors(await users.AddToRoleAsync(user, role).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            await users.DeleteAsync(user).ConfigureAwait(false);
        }

        return errors;
    }

    internal static IReadOnlyList<string> Errors(IdentityResult result) =>
        result.Succeeded ? [] : [.. result.Errors.Select(error => error.Description)];

    private async Task<IReadOnlyList<string>> WithUsersAsync(Func<UserManager<AppUser>, Task<IReadOnlyList<string>>> action)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()).ConfigureAwait(false);
        }
    }

    private Task<IReadOnlyList<string>> WithUserAsync(
        string userId, string actingUserName, string? notOnYourself,
        Func<UserManager<AppUser>, AppUser, Task<IReadOnlyList<string>>> action, bool renewStamp = true) =>
        WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
            if (user is null)
            {
                return ["That user does not exist any more."];
            }

            if (notOnYourself is not null && string.Equals(user.UserName, actingUserName, StringComparison.Ordinal))
            {
                return [$"You cannot {notOnYourself}; another admin can."];
            }

            var errors = await action(users, user).ConfigureAwait(false);
            if (errors.Count == 0 && renewStamp)
            {
                // Ends the user's open sessions: cookies and circuits are checked against the stamp.
                errors = Errors(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
            }

            return errors;
        });
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Monitoring.Web.Features.Account;
using MudBlazor;

namespace Monitoring.Web.Features.Admin;

/// <summary>The admin's list of users: create, change role, lock, unlock, delete.</summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<UserSummary>? _users;
    private IReadOnlyList<string> _errors = [];
    private string _self = "";
    private string _newName = "";
    private string _newPassword = "";
    private string _newRole = Roles.Analyst;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IOptions<AccountOptions> Options { get; set; } = default!;

    private int MinLength => Options.Value.PasswordMinLength;

    protected override async Task OnInitializedAsync()
    {
        _self = await User.GetNameAsync();
        await LoadAsync();
    }

    private static string State(UserSummary user) => user switch
    {
        { LockedByAdmin: true } => "Locked by an admin",
        { LockedUntil: { } until } => "Locked after wrong passwords until " + until.ToUniversalTime().ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture),
        { MustChangePassword: true } => "Must change password",
        _ => "Active",
    };

    private async Task LoadAsync() => _users = await Administration.ListAsync();

    private async Task CreateAsync()
    {
        if (string.IsNullOrWhiteSpace(_newName))
        {
            _errors = ["Give the new user a name."];
            return;
        }

        var name = _newName.Trim();
        if (await ShowAsync(await Administration.CreateAsync(name, _newRole, _newPassword)))
        {
            Snackbar.Add($"Created {name} ({_newRole}). Tell them their password; they choose their own at first sign-in.", Severity.Success);
            _newName = "";
            _newPassword = "";
        }
    }

    private async Task SetRoleAsync(UserSummary user, string role)
    {
        if (await ShowAsync(await Administration.SetRoleAsync(user.Id, role, _self)))
        {
            Snackbar.Add($"{user.UserName} is now {role}.", Severity.Info);
        }
    }

    private async Task LockAsync(UserSummary user)
    {
        if (await ShowAsync(await Administration.LockAsync(user.Id, _self)))
        {
            Snackbar.Add($"Locked {user.UserName}: they cannot sign in until unlocked.", Severity.Info);
        }
    }

    private async Task UnlockAsync(UserSummary user)
    {
        if (await ShowAsync(await Administration.UnlockAsync(user.Id, _self)))
        {
            Snackbar.Add($"Unlocked {user.UserName}.", Severity.Info);
        }
    }

    private async Task DeleteAsync(UserSummary user)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete user",
            $"Delete {user.UserName}? They cannot sign in again; their alerts stay under their name.",
            yesText: "Delete",
            cancelText: "Cancel");
        if (confirmed == true && await ShowAsync(await Administration.DeleteAsync(user.Id, _self)))
        {
            Snackbar.Add($"Deleted {user.UserName}.", Severity.Info);
        }
    }

    /// <summary>Shows the errors, reloads the list; true when there were none.</summary>
    private async Task<bool> ShowAsync(IReadOnlyList<string> errors)
    {
        _errors = errors;
        await LoadAsync();
        return errors.Count == 0;
    }
}

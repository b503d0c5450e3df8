using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Hosting.AppData;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.ApiKeys;
using MudBlazor;

namespace Monitoring.Web.Features.Admin;

/// <summary>The admin's API keys: create (shown once), list with last use, revoke.</summary>
public sealed partial class ApiKeysPage
{
    private readonly HashSet<string> _scopes = new(StringComparer.Ordinal) { ApiKeyScopes.IngestWrite };
    private IReadOnlyList<ApiKey>? _keys;
    private IReadOnlyList<string> _errors = [];
    private CreatedApiKey? _created;
    private string _name = "";

    [Inject]
    private ApiKeyService Keys { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _keys = await Keys.ListAsync();

    private static string When(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private async Task CreateAsync()
    {
        _created = null;
        _errors = (string.IsNullOrWhiteSpace(_name), _scopes.Count == 0) switch
        {
            (true, _) => ["Name the key after who sends with it."],
            (_, true) => ["Choose at least one scope."],
            _ => [],
        };
        if (_errors.Count > 0)
        {
            return;
        }

        _created = await Keys.CreateAsync(_name, ApiKeyScopes.All.Select(known => known.Scope).Where(_scopes.Contains), await User.GetNameAsync());
        _name = "";
        _keys = await Keys.ListAsync();
    }

    private async Task RevokeAsync(ApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke key",
            $"Revoke “{key.Name}”? Requests with it are refused from now on; this cannot be undone.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Keys.RevokeAsync(key.Id);
        Snackbar.Add($"Revoked “{key.Name}”.", Severity.Info);
        _keys = await Keys.ListAsync();
    }
}

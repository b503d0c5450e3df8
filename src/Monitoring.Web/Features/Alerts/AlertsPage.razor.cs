using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Ingestion.Outlets;
using Monitoring.Web.Components;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Search;
using MudBlazor;

namespace Monitoring.Web.Features.Alerts;

/// <summary>
/// The editor's alerts: what each watches, how and where it reports, whether deliveries fail; and pause,
/// snooze, edit, delete. Below them, other editors' alerts shared with this one, read-only but for leaving them.
/// </summary>
public sealed partial class AlertsPage
{
    private IReadOnlyList<AlertSummary>? _alerts;
    private IReadOnlyList<Alert>? _shared;
    private string? _loadError;
    private string _user = "";
    private OutletGroupNames _groupNames = OutletGroupNames.None;

    [Inject]
    private AlertService Alerts { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private EnrichmentModel Enrichment { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private OutletCatalog Outlets { get; set; } = default!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _user = await User.GetNameAsync();
        _groupNames = await Outlets.GroupNamesOrNoneAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _alerts = await Alerts.ListAsync(_user);
            _shared = await Alerts.ListSharedWithAsync(_user);
            _loadError = null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            _loadError = exception.Message;
        }
    }

    private string QuerySummary(Alert alert)
    {
        try
        {
            return AlertDescriptions.Summary(SavedQuery.FromJson(alert.QueryJson), Enrichment, _groupNames);
        }
        catch (System.Text.Json.JsonException)
        {
            return "(the saved search cannot be read)";
        }
    }

    private static string SearchPath(Alert alert)
    {
        try
        {
            return AlertLinks.SearchPath(alert);
        }
        catch (System.Text.Json.JsonException)
        {
            return "/search";
        }
    }

    private string StateText(Alert alert) => alert.Paused
        ? "Paused by its owner"
        : alert.SnoozedUntil is { } until && until > Now ? $"Snoozed until {AlertDescriptions.LocalTime(until, alert.TimeZone)}" : "Active";

    private async Task LeaveAsync(Alert alert)
    {
        await Alerts.LeaveAsync(alert.Id, _user);
        Snackbar.Add($"You no longer receive “{alert.Name}”. Its owner, {alert.Owner}, can add you again.", Severity.Info);
        await LoadAsync();
    }

    private static string ProblemCount(AlertSummary summary)
    {
        var parts = new List<string>();
        if (summary.FailedCount > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{summary.FailedCount} failed"));
        }

        if (summary.RetryingCount > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{summary.RetryingCount} retrying"));
        }

        return string.Join(", ", parts);
    }

    private async Task TogglePauseAsync(Alert alert)
    {
        if (alert.IsMuted(Now))
        {
            await Alerts.ResumeAsync(alert.Id, _user);
            Snackbar.Add($"Resumed “{alert.Name}”.", Severity.Info);
        }
        else
        {
            await Alerts.PauseAsync(alert.Id, _user);
            Snackbar.Add($"Paused “{alert.Name}”: nothing is reported until you resume it.", Severity.Info);
        }

        await LoadAsync();
    }

    private Task SnoozeAsync(Alert alert, TimeSpan span) => SnoozeToAsync(alert, Now + span);

    private async Task SnoozeUntilAsync(Alert alert)
    {
        var parameters = new DialogParameters<SnoozeDialog> { { dialog => dialog.TimeZone, alert.TimeZone } };
        var dialog = await Dialogs.ShowAsync<SnoozeDialog>($"Snooze “{alert.Name}” until", parameters);
        if (await dialog.Result is { Canceled: false, Data: DateTimeOffset until })
        {
            await SnoozeToAsync(alert, until);
        }
    }

    private async Task SnoozeToAsync(Alert alert, DateTimeOffset until)
    {
        await Alerts.SnoozeAsync(alert.Id, _user, until);
        Snackbar.Add($"Snoozed “{alert.Name}” until {AlertDescriptions.LocalTime(until, alert.TimeZone)}.", Severity.Info);
        await LoadAsync();
    }

    private async Task DeleteAsync(Alert alert)
    {
        if (!await Dialogs.ConfirmDeletionAsync("Delete alert", $"Delete “{alert.Name}”? Its notifications and delivery history go with it."))
        {
            return;
        }

        await Alerts.DeleteAsync(alert.Id, _user);
        Snackbar.Add($"Deleted “{alert.Name}”.", Severity.Info);
        await LoadAsync();
    }
}

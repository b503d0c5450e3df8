using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Sources;
using Monitoring.Web.Components;
using MudBlazor;

namespace Monitoring.Web.Features.Sources;

/// <summary>Editors' view of the feeds: their health, and add, pause, resume, remove, poll now and edit an outlet's data.</summary>
public sealed partial class SourcesPage
{
    private IReadOnlyList<FeedSource>? _sources;
    private string? _loadError;
    private IReadOnlyList<FieldError> _errors = [];
    private bool _busy;
    private string? _draftName;
    private string? _draftUrl;
    private int _draftMinutes = 15;
    private string? _draftLanguage;
    private string? _draftCountry;
    private string? _draftTimeZone;
    private FeedSource? _editingOutlet;

    // The table is drawn anew after a row's button is pressed, and the button with it: the name of the one that takes
    // focus back once it is drawn (a keyboard user would otherwise be sent to the top of the page).
    private string? _refocusButton;

    [Inject]
    private FeedSourceCatalog Catalog { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override Task OnInitializedAsync() => LoadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_refocusButton is { } name)
        {
            _refocusButton = null;
            await JS.InvokeVoidAsync("monitoring.focusButtonIfLost", name);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _sources = await Catalog.ListAsync();
            _loadError = null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            _loadError = ex.Message;
        }
    }

    private bool HasError(string field) => _errors.Any(error => error.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(error => error.Field == field)?.Message;

    private async Task AddAsync()
    {
        _busy = true;
        try
        {
            var result = await Catalog.AddAsync(new NewFeedSource
            {
                Name = _draftName,
                Url = _draftUrl,
                PollInterval = TimeSpan.FromMinutes(_draftMinutes),
                Language = _draftLanguage,
                Country = _draftCountry,
                TimeZone = _draftTimeZone,
            });
            _errors = result.Errors;
            if (result.Succeeded)
            {
                Snackbar.Add($"Added {result.Source!.Name}; it is polled within a minute.", Severity.Success);
                (_draftName, _draftUrl, _draftLanguage, _draftCountry, _draftTimeZone, _draftMinutes) = (null, null, null, null, null, 15);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task OutletEditedAsync(bool saved)
    {
        _editingOutlet = null;
        if (saved)
        {
            await LoadAsync();
        }
    }

    private async Task ToggleAsync(FeedSource source)
    {
        await Catalog.SetEnabledAsync(source.Id, !source.Enabled);
        Snackbar.Add(source.Enabled ? $"Paused {source.Name}." : $"Resumed {source.Name}; it is polled within a minute.", Severity.Info);
        await LoadAsync();
        _refocusButton = $"{(source.Enabled ? "Resume" : "Pause")} {source.Name}";
    }

    private async Task PollNowAsync(FeedSource source)
    {
        await Catalog.PollNowAsync(source.Id);
        Snackbar.Add($"Polling {source.Name}; refresh to see the result.", Severity.Info);
        await LoadAsync();
        _refocusButton = $"Poll {source.Name} now";
    }

    private async Task RemoveAsync(FeedSource source)
    {
        if (!await Dialogs.ConfirmDeletionAsync("Remove source", $"Stop following {source.Name}? Articles it delivered stay searchable.", "Remove"))
        {
            return;
        }

        await Catalog.RemoveAsync(source.Id);
        Snackbar.Add($"Removed {source.Name}.", Severity.Info);
        await LoadAsync();
        // Its row is gone: the page's heading takes focus.
        _refocusButton = $"Remove {source.Name}";
    }
}

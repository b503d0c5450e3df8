using System.Globalization;
using Microsoft.AspNetCore.Components;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Sources;
using Monitoring.Web.Components;
using MudBlazor;

namespace Monitoring.Web.Features.Sources;

/// <summary>
/// Editors' outlet groups on the Sources page: create, rename, describe, delete, and tick the sources of each. Every
/// change of members re-tags the articles of the sources that joined or left (<see cref="OutletCatalog"/>).
/// </summary>
public sealed partial class OutletGroupsEditor
{
    private IReadOnlyList<OutletGroupView>? _groups;
    private string? _loadError;
    private IReadOnlyList<FieldError> _errors = [];
    private int? _errorsOf;
    private bool _busy;
    private string? _draftName;
    private string? _draftDescription;
    private int? _editing;
    private string? _editName;
    private string? _editDescription;

    /// <summary>The sources editors can put in a group, as the page lists them.</summary>
    [Parameter]
    public IReadOnlyList<FeedSource> Sources { get; set; } = [];

    [Inject]
    private OutletCatalog Outlets { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _groups = await Outlets.ListGroupsAsync();
            _loadError = null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            _loadError = ex.Message;
        }
    }

    /// <summary>The error of a field, for the create form (<paramref name="groupId"/> null) or one group.</summary>
    private string? ErrorOf(string field, int? groupId = null) =>
        _errorsOf == groupId ? _errors.FirstOrDefault(error => error.Field == field)?.Message : null;

    private static string SourceCount(OutletGroupView group) => group.SourceIds.Count switch
    {
        0 => "no outlets",
        1 => "1 outlet",
        var count => string.Create(CultureInfo.CurrentCulture, $"{count} outlets"),
    };

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var result = await Outlets.CreateGroupAsync(_draftName, _draftDescription);
            (_errors, _errorsOf) = (result.Errors, null);
            if (result.Succeeded)
            {
                Snackbar.Add($"Created the group {result.Group!.Name}; tick its outlets below.", Severity.Success);
                (_draftName, _draftDescription) = (null, null);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void StartEditing(OutletGroupView group)
    {
        (_editing, _editName, _editDescription) = (group.Id, group.Name, group.Description);
        _errors = [];
    }

    private async Task SaveAsync(OutletGroupView group)
    {
        var result = await Outlets.UpdateGroupAsync(group.Id, _editName, _editDescription);
        (_errors, _errorsOf) = (result.Errors, group.Id);
        if (result.Succeeded)
        {
            _editing = null;
            Snackbar.Add($"Saved {result.Group!.Name}.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SetMemberAsync(OutletGroupView group, FeedSource source, bool member)
    {
        var members = member ? group.SourceIds.Append(source.Id).Distinct().ToList() : group.SourceIds.Where(id => id != source.Id).ToList();
        var errors = await Outlets.SetMembersAsync(group.Id, members);
        (_errors, _errorsOf) = (errors, group.Id);
        if (errors.Count == 0)
        {
            Snackbar.Add(member ? $"{source.Name} is in {group.Name}; its articles follow shortly." : $"{source.Name} left {group.Name}; its articles follow shortly.", Severity.Info);
        }

        await LoadAsync();
    }

    private async Task DeleteAsync(OutletGroupView group)
    {
        if (!await Dialogs.ConfirmDeletionAsync("Delete group", $"Delete the group {group.Name}? Its outlets stay; searches and alerts filtered by it find nothing any more."))
        {
            return;
        }

        await Outlets.DeleteGroupAsync(group.Id);
        Snackbar.Add($"Deleted {group.Name}.", Severity.Info);
        await LoadAsync();
    }

    private async Task RetagAllAsync()
    {
        _busy = true;
        try
        {
            var sources = await Outlets.RetagAllAsync();
            Snackbar.Add(string.Create(CultureInfo.CurrentCulture, $"Re-tagging the articles of {sources} sources in the background."), Severity.Info);
        }
        finally
        {
            _busy = false;
        }
    }
}

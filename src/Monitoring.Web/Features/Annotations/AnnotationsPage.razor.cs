using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Monitoring.Hosting.AppData;

namespace Monitoring.Web.Features.Annotations;

/// <summary>Editors list, pin, edit and remove the events the time charts mark.</summary>
public sealed partial class AnnotationsPage
{
    private List<EventAnnotation>? _annotations;
    private int? _editingId;
    private DateTime? _date;
    private string? _label;
    private string? _link;
    private string? _formError;

    [Inject]
    private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        _annotations = await db.EventAnnotations.AsNoTracking().OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync();
    }

    private void Edit(EventAnnotation annotation)
    {
        _editingId = annotation.Id;
        _date = annotation.Date.ToDateTime(TimeOnly.MinValue);
        _label = annotation.Label;
        _link = annotation.Link;
        _formError = null;
    }

    private void ResetForm()
    {
        _editingId = null;
        _date = null;
        _label = null;
        _link = null;
        _formError = null;
    }

    private async Task SaveAsync()
    {
        var label = _label?.Trim();
        var link = string.IsNullOrWhiteSpace(_link) ? null : _link.Trim();
        _formError = _date is null ? "Choose the date of the event."
            : string.IsNullOrEmpty(label) ? "Give the event a label."
            : label.Length > EventAnnotation.MaxLabelLength ? $"Keep the label under {EventAnnotation.MaxLabelLength} characters."
            : !EventAnnotation.IsValidLink(link) ? "The link must be a full http:// or https:// address."
            : null;
        if (_formError is not null)
        {
            return;
        }

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var annotation = _editingId is { } id ? await db.EventAnnotations.FindAsync(id) : null;
            if (annotation is null)
            {
                annotation = new EventAnnotation();
                db.EventAnnotations.Add(annotation);
            }

            annotation.Date = DateOnly.FromDateTime(_date!.Value);
            annotation.Label = label!;
            annotation.Link = link;
            await db.SaveChangesAsync();
        }

        ResetForm();
        await LoadAsync();
    }

    private async Task DeleteAsync(int id)
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.EventAnnotations.Where(a => a.Id == id).ExecuteDeleteAsync();
        }

        if (_editingId == id)
        {
            ResetForm();
        }

        await LoadAsync();
    }
}

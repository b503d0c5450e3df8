using Hangfire;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Articles;
using Monitoring.Core.Validation;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Outlets;

/// <summary>
/// What editors do with outlet data: create, rename, describe and delete outlet groups, and set a source's country,
/// kind, languages and groups. Every change that alters what articles are indexed with enqueues
/// <see cref="OutletRetagJob"/> for the sources it touched, so articles already indexed follow; the job runs where
/// the index is written (the worker), so the index keeps one writer.
/// </summary>
public sealed class OutletCatalog(IDbContextFactory<IngestionDbContext> store, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>Every group by name, with the ids of its sources.</summary>
    public async Task<IReadOnlyList<OutletGroupView>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var groups = await db.OutletGroups.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var members = (await db.OutletGroupMembers.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(member => member.GroupId, member => member.SourceId);
            return [.. groups
                .OrderBy(group => group.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(group => group.Id)
                .Select(group => new OutletGroupView(group.Id, group.Name, group.Description, [.. members[group.Id].Order()]))];
        }
    }

    /// <summary>Every group's name by the id articles are indexed with, in name order: what labels facets, filters and exports.</summary>
    public async Task<OutletGroupNames> GroupNamesAsync(CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var groups = await db.OutletGroups.AsNoTracking().Select(group => new { group.Id, group.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new OutletGroupNames(groups
                .OrderBy(group => group.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(group => group.Id)
                .Select(group => (group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), group.Name)));
        }
    }

    /// <summary>The countries of the sources in the store (upper-case, ascending): the outlet countries a filter can match.</summary>
    public async Task<IReadOnlyList<string>> ListCountriesAsync(CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var countries = await db.FeedSources.AsNoTracking().Where(source => source.Country != null).Select(source => source.Country!).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. countries.Select(country => country.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Creates a group with no sources, unless the name is missing, too long or taken.</summary>
    public async Task<OutletGroupResult> CreateGroupAsync(string? name, string? description, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var errors = await ValidateAsync(db, null, name, description, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return new OutletGroupResult(null, errors);
            }

            var group = new OutletGroup { Name = name!.Trim(), Description = Blank(description), CreatedAt = clock.GetUtcNow() };
            db.OutletGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new OutletGroupResult(new OutletGroupView(group.Id, group.Name, group.Description, []), []);
        }
    }

    /// <summary>
    /// Renames and describes a group. Articles are indexed with group ids, not names, so nothing is re-tagged.
    /// </summary>
    public async Task<OutletGroupResult> UpdateGroupAsync(int groupId, string? name, string? description, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var group = await db.OutletGroups.FindAsync([groupId], cancellationToken).ConfigureAwait(false);
            if (group is null)
            {
                return new OutletGroupResult(null, [new FieldError("group", "no longer exists")]);
            }

            var errors = await ValidateAsync(db, groupId, name, description, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return new OutletGroupResult(null, errors);
            }

            group.Name = name!.Trim();
            group.Description = Blank(description);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var sources = await db.OutletGroupMembers.AsNoTracking().Where(member => member.GroupId == groupId).Select(member => member.SourceId).OrderBy(id => id).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new OutletGroupResult(new OutletGroupView(group.Id, group.Name, group.Description, sources), []);
        }
    }

    /// <summary>Deletes a group; its sources' articles are re-tagged without it.</summary>
    /// <returns>False when no such group exists.</returns>
    public async Task<bool> DeleteGroupAsync(int groupId, CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var members = await SourceNamesAsync(db, db.OutletGroupMembers.Where(member => member.GroupId == groupId).Select(member => member.SourceId), cancellationToken).ConfigureAwait(false);
            await db.OutletGroupMembers.Where(member => member.GroupId == groupId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await db.OutletGroups.Where(group => group.Id == groupId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
            Retag(members);
            return deleted;
        }
    }

    /// <summary>Puts the given sources, and only those, in the group; the articles of every source that joined or left are re-tagged.</summary>
    public async Task<IReadOnlyList<FieldError>> SetMembersAsync(int groupId, IReadOnlyCollection<int> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (!await db.OutletGroups.AnyAsync(group => group.Id == groupId, cancellationToken).ConfigureAwait(false))
            {
                return [new FieldError("group", "no longer exists")];
            }

            var wanted = sourceIds.ToHashSet();
            var known = await db.FeedSources.Where(source => wanted.Contains(source.Id)).Select(source => source.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (known.Count != wanted.Count)
            {
                return [new FieldError("sources", "some of these sources no longer exist; reload the page")];
            }

            var current = await db.OutletGroupMembers.Where(member => member.GroupId == groupId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var leaving = current.Where(member => !wanted.Contains(member.SourceId)).ToList();
            var joining = wanted.Except(current.Select(member => member.SourceId)).ToList();
            db.OutletGroupMembers.RemoveRange(leaving);
            db.OutletGroupMembers.AddRange(joining.Select(sourceId => new OutletGroupMember { GroupId = groupId, SourceId = sourceId }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var changed = leaving.Select(member => member.SourceId).Concat(joining).ToList();
            Retag(await SourceNamesAsync(db, db.FeedSources.Where(source => changed.Contains(source.Id)).Select(source => source.Id), cancellationToken).ConfigureAwait(false));
            return [];
        }
    }

    /// <summary>Sets a source's outlet data (country, kind, languages, groups); its articles are re-tagged when it changed.</summary>
    /// <returns>What is wrong, field by field; empty when saved.</returns>
    public async Task<IReadOnlyList<FieldError>> SetOutletAsync(int sourceId, OutletEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var errors = edit.Validate().ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var source = await db.FeedSources.FindAsync([sourceId], cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                return [new FieldError("source", "no longer exists")];
            }

            var groups = edit.GroupIds.ToHashSet();
            var existing = await db.OutletGroups.Where(group => groups.Contains(group.Id)).Select(group => group.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (existing.Count != groups.Count)
            {
                return [new FieldError("groups", "some of these groups no longer exist; reload the page")];
            }

            var country = string.IsNullOrWhiteSpace(edit.Country) ? null : edit.Country.Trim().ToUpperInvariant();
            var memberships = await db.OutletGroupMembers.Where(member => member.SourceId == sourceId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var indexedDataChanged = source.Country != country || source.Kind != edit.Kind || !memberships.Select(member => member.GroupId).ToHashSet().SetEquals(groups);
            source.Country = country;
            source.Kind = edit.Kind;
            source.Languages = [.. edit.Languages.Select(language => language.Trim().ToLowerInvariant()).Where(language => language.Length > 0).Distinct(StringComparer.Ordinal)];
            db.OutletGroupMembers.RemoveRange(memberships.Where(member => !groups.Contains(member.GroupId)));
            db.OutletGroupMembers.AddRange(groups.Except(memberships.Select(member => member.GroupId)).Select(groupId => new OutletGroupMember { GroupId = groupId, SourceId = sourceId }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (indexedDataChanged)
            {
                Retag([source.Name]);
            }

            return [];
        }
    }

    /// <summary>
    /// Re-tags the articles of every source in the store: after an upgrade that brought outlet data, for the articles
    /// indexed before it (docs/search.md, "Outlets"). Articles that already carry their outlet's data are not written.
    /// </summary>
    /// <returns>How many sources the re-tag covers.</returns>
    public async Task<int> RetagAllAsync(CancellationToken cancellationToken = default)
    {
        var db = await store.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var names = await db.FeedSources.AsNoTracking().Select(source => source.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
            Retag(names);
            return names.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        }
    }

    private void Retag(List<string> sourceNames)
    {
        if (sourceNames.Count > 0)
        {
            var names = sourceNames.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
            jobs.Enqueue<OutletRetagJob>(job => job.RetagAsync(names, CancellationToken.None));
        }
    }

    private static Task<List<string>> SourceNamesAsync(IngestionDbContext db, IQueryable<int> sourceIds, CancellationToken cancellationToken) =>
        db.FeedSources.Where(source => sourceIds.Contains(source.Id)).Select(source => source.Name).ToListAsync(cancellationToken);

    private static async Task<List<FieldError>> ValidateAsync(IngestionDbContext db, int? groupId, string? name, string? description, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "is required"));
        }
        else if (name.Trim().Length > OutletGroup.MaxNameLength)
        {
            errors.Add(new("name", $"is longer than {OutletGroup.MaxNameLength} characters"));
        }
        else
        {
            var trimmed = name.Trim();
            // Compared in memory: case-insensitive comparison differs between SQLite and PostgreSQL, and there are few groups.
            var names = await db.OutletGroups.AsNoTracking().Where(group => group.Id != groupId).Select(group => group.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (names.Any(other => string.Equals(other, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new("name", $"\"{trimmed}\" is already the name of a group"));
            }
        }

        if (description?.Trim().Length > OutletGroup.MaxDescriptionLength)
        {
            errors.Add(new("description", $"is longer than {OutletGroup.MaxDescriptionLength:N0} characters"));
        }

        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A group as the editor shows it.</summary>
public sealed record OutletGroupView(int Id, string Name, string? Description, IReadOnlyList<int> SourceIds)
{
    /// <summary>The group's id as articles are indexed with it and the search URL names it.</summary>
    public string Key => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The saved group, or what is wrong, field by field.</summary>
public sealed record OutletGroupResult(OutletGroupView? Group, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Group is not null;
}

/// <summary>A source's outlet data as an editor sets it.</summary>
public sealed record OutletEdit
{
    public string? Country { get; init; }

    public OutletKind? Kind { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<int> GroupIds { get; init; } = [];

    public IEnumerable<FieldError> Validate()
    {
        if (!string.IsNullOrWhiteSpace(Country) && (Country.Trim().Length != 2 || !Country.Trim().All(char.IsAsciiLetter)))
        {
            yield return new("country", $"'{Country}' is not an ISO 3166 alpha-2 code such as \"RS\"");
        }

        if (Languages.FirstOrDefault(language => !string.IsNullOrWhiteSpace(language) && !Sources.NewFeedSource.IsLanguageCode(language)) is { } wrong)
        {
            yield return new("languages", $"'{wrong}' is not an ISO 639 code such as \"sr\"");
        }
    }
}

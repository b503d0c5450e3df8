using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Store;

namespace Monitoring.Ingestion.Outlets;

/// <summary>
/// The outlet data of every source in the store, by source name (any case): what the ingestion pipeline gives each
/// article (<see cref="Article.Outlet"/>) and what a re-tag writes again. Read whole: the store holds tens of sources.
/// </summary>
public sealed class OutletDirectory
{
    private readonly Dictionary<string, ArticleOutlet> _byName;

    private OutletDirectory(Dictionary<string, ArticleOutlet> byName) => _byName = byName;

    public static OutletDirectory Empty { get; } = new(new Dictionary<string, ArticleOutlet>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The outlet of an article's source; null when the store has no source of that name or nothing to say of it.</summary>
    public ArticleOutlet? For(string source) => _byName.GetValueOrDefault(source.Trim());

    /// <summary>The article with its source's outlet data, replacing whatever it carried (its sender cannot set it).</summary>
    public Article Apply(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var outlet = For(article.Source);
        return SameOutlet(article.Outlet, outlet) ? article : article with { Outlet = outlet };
    }

    /// <summary>True when two outlets index alike (records compare lists by reference).</summary>
    public static bool SameOutlet(ArticleOutlet? a, ArticleOutlet? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Country == b.Country && a.Kind == b.Kind && a.Groups.SequenceEqual(b.Groups, StringComparer.Ordinal);

    public static async Task<OutletDirectory> LoadAsync(IngestionDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sources = await db.FeedSources.AsNoTracking()
            .Select(source => new { source.Id, source.Name, source.Country, source.Kind })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var members = await db.OutletGroupMembers.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var groupsOf = members.ToLookup(member => member.SourceId, member => member.GroupId);

        // Two feeds of one outlet (one per script, say) share its name: their data is merged, the first feed's country and kind first.
        var byName = new Dictionary<string, ArticleOutlet>(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in sources.OrderBy(source => source.Id).GroupBy(source => source.Name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var merged = new ArticleOutlet
            {
                Country = outlet.Select(source => source.Country).FirstOrDefault(country => country is not null)?.ToUpperInvariant(),
                Kind = outlet.Select(source => source.Kind).FirstOrDefault(kind => kind is not null),
                Groups = [.. outlet.SelectMany(source => groupsOf[source.Id]).Distinct().Order().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            };
            if (!merged.IsEmpty)
            {
                byName[outlet.Key] = merged;
            }
        }

        return new OutletDirectory(byName);
    }
}

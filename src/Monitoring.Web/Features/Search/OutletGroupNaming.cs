using System.Data.Common;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Outlets;

namespace Monitoring.Web.Features.Search;

/// <summary>Outlet group names for the pages that label group ids.</summary>
internal static class OutletGroupNaming
{
    /// <summary>
    /// The names, or none when the sources store cannot be read: the page still searches and filters, its groups
    /// then read "unknown group 3" rather than the page failing.
    /// </summary>
    public static async Task<OutletGroupNames> GroupNamesOrNoneAsync(this OutletCatalog catalog, CancellationToken cancellationToken = default)
    {
        try
        {
            return await catalog.GroupNamesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbException or IOException)
        {
            return OutletGroupNames.None;
        }
    }
}

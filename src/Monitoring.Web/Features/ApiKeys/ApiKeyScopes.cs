namespace Monitoring.Web.Features.ApiKeys;

/// <summary>
/// What an API key may do. A new scope is a constant here with its description, and a policy in
/// <see cref="Account.Policies"/> that asks for it.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Push articles to <c>POST /api/articles</c>.</summary>
    public const string IngestWrite = "ingest:write";

    /// <summary>Download the search and trends exports (<c>/api/search/export.*</c>, <c>/api/trends/*.csv</c>).</summary>
    public const string ExportRead = "export:read";

    /// <summary>Every scope with what it allows, in the order the admin page shows them.</summary>
    public static IReadOnlyList<(string Scope, string Description)> All { get; } =
    [
        (IngestWrite, "push articles (POST /api/articles)"),
        (ExportRead, "download search and trends exports"),
    ];

    public static bool IsKnown(string scope) => All.Any(known => string.Equals(known.Scope, scope, StringComparison.Ordinal));
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Monitoring.Web.Features.ApiKeys;

namespace Monitoring.Web.Features.Account;

/// <summary>
/// The named authorization policies. Every page and endpoint names one of them (or allows anonymous
/// access explicitly); the authorization matrix test enforces that.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user, even one who still has to change an admin-chosen password.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Analysts and up: search, read, trends, export.</summary>
    public const string Read = "read";

    /// <summary>Editors and up: alerts, sources, event annotations.</summary>
    public const string Edit = "edit";

    /// <summary>Admins: users, API keys, the job dashboard.</summary>
    public const string Administer = "administer";

    /// <summary>The search and trends exports: a reader's browser, or an API key with scope <c>export:read</c>.</summary>
    public const string Export = "export";

    /// <summary>The push API: an API key with scope <c>ingest:write</c>.</summary>
    public const string IngestWrite = "ingest-write";

    /// <summary>Claim present while the user must change the password an admin gave them.</summary>
    public const string MustChangePasswordClaim = "monitoring:must-change-password";

    internal static AuthorizationBuilder AddMonitoringPolicies(this AuthorizationBuilder authorization)
    {
        string[] readers = [Roles.Analyst, Roles.Editor, Roles.Admin];
        string[] editors = [Roles.Editor, Roles.Admin];
        return authorization
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Read, policy => policy.RequireRole(readers).RequireAssertion(HasCurrentPassword))
            .AddPolicy(Edit, policy => policy.RequireRole(editors).RequireAssertion(HasCurrentPassword))
            .AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin).RequireAssertion(HasCurrentPassword))
            .AddPolicy(Export, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthentication.Scheme)
                .RequireAssertion(context =>
                    (readers.Any(context.User.IsInRole) && HasCurrentPassword(context))
                    || ApiKeyAuthentication.HasScope(context.User, ApiKeyScopes.ExportRead)))
            .AddPolicy(IngestWrite, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
                .RequireAssertion(context => ApiKeyAuthentication.HasScope(context.User, ApiKeyScopes.IngestWrite)));
    }

    private static bool HasCurrentPassword(AuthorizationHandlerContext context) =>
        !context.User.HasClaim(claim => claim.Type == MustChangePasswordClaim);

    /// <summary>The signed-in user's role, for display.</summary>
    public static string? RoleOf(ClaimsPrincipal user) => Roles.All.LastOrDefault(user.IsInRole);
}

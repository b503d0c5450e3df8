using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitoring.Hosting.AppData;
using Monitoring.Web.Data;
using Monitoring.Web.Features.ApiKeys;

namespace Monitoring.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";
    public const string ChangePasswordPath = "/account/password";
    public const string LogoutPath = "/account/logout";

    /// <summary>
    /// ASP.NET Core Identity on the app database (cookie sign-in, password rules, lockout), the roles and
    /// named policies, API-key authentication, the Blazor authentication state, and the first admin's setup.
    /// Register after <c>AddAppData</c>: the start-up step needs the migrated database.
    /// </summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddIdentity<AppUser, IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, account) =>
        {
            identity.Password.RequiredLength = account.Value.PasswordMinLength;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 4;
            identity.Lockout.MaxFailedAccessAttempts = account.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = account.Value.LockoutDuration;
            identity.Lockout.AllowedForNewUsers = true;
            identity.User.RequireUniqueEmail = false;
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = RevalidatingIdentityStateProvider.Interval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountOptions>>((cookie, account) =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ExpireTimeSpan = account.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.Cookie.Name = "monitoring.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (context.HttpContext.User.HasClaim(claim => claim.Type == Policies.MustChangePasswordClaim) && !IsApi(context.Request))
                {
                    // Refused only because the admin-chosen password is still in use: change it, then go on.
                    context.Response.Redirect(ChangePasswordPath + "?ReturnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
                    return Task.CompletedTask;
                }

                return RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            };
        });

        services.AddAuthentication().AddApiKeys();
        services.AddAuthorizationBuilder().AddMonitoringPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddScoped<CurrentUser>();
        services.AddSingleton<FirstAdminSetup>();
        services.AddSingleton<UserAdministration>();
        services.AddHostedService<AccountStartup>();
        return services;
    }

    /// <summary>
    /// POST /account/logout: a form with the antiforgery token (binding the form is what makes minimal
    /// endpoints refuse a missing or wrong token), then the login page, which leads back to <c>returnUrl</c>.
    /// </summary>
    public static WebApplication MapAccount(this WebApplication app)
    {
        app.MapPost(LogoutPath, async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect(returnUrl is null ? LoginPath : LoginPath + "?ReturnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)));
        }).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    /// <summary><paramref name="returnUrl"/> when it stays on this site, else the front page (no open redirects).</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // APIs and scripts want a status, not the HTML login page.
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Web.Features.Account;
using MudBlazor;

namespace Monitoring.Web.Tests.Features.Admin;

/// <summary>
/// The admin pages on a real, migrated app database in a temporary folder, with the app's account services
/// (<c>AddAccount</c>), and <see cref="Self"/> signed in as an admin.
/// </summary>
public abstract class AdminUiContext : MudTestContext
{
    protected const string Self = "chief";

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-admin-ui-").FullName;

    protected AdminUiContext()
    {
        var database = Path.Combine(_folder, "app.db");
        // BindConfiguration reads the configuration: an empty one leaves every setting at its default.
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddLogging();
        Services.AddAppDbContexts(_ => AppDbContextFactory.Sqlite(database));
        Services.AddAccount();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(Self);
        authorization.SetRoles(Roles.Admin);
        using (var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            db.Database.Migrate();
        }

        using var scope = Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            roles.CreateAsync(new IdentityRole(role)).GetAwaiter().GetResult();
        }
    }

    protected const string Password = "a long enough password";

    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;

    protected static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    protected IRenderedComponent<TPage> RenderAdminPage<TPage>(string uri)
        where TPage : IComponent
    {
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<TPage>();
    }

    /// <summary>Runs <paramref name="action"/> with the app's UserManager, as the app would.</summary>
    protected async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    protected Task<AppUser> CreateUserAsync(string name, string role, bool mustChangePassword = false) =>
        WithUsersAsync(async users =>
        {
            var user = new AppUser { UserName = name, MustChangePassword = mustChangePassword };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return user;
        });

    protected Task<AppUser?> FindAsync(string name) => WithUsersAsync(users => users.FindByNameAsync(name));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

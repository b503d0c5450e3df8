using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Admin;

namespace Monitoring.Web.Tests.Features.Admin;

public sealed class UsersPageTests : AdminUiContext
{
    [Fact]
    public async Task ListsEachUser_WithTheirRole_AndState_AndOffersNoActionsOnOneself()
    {
        await CreateUserAsync(Self, Roles.Admin);
        await CreateUserAsync("ana", Roles.Analyst, mustChangePassword: true);
        await CreateUserAsync("eddie", Roles.Editor);

        var page = RenderAdminPage<UsersPage>("/admin/users");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".user-row").Count));
        Assert.Equal(["ana", "chief (you)", "eddie"], page.FindAll(".user-name").Select(cell => cell.TextContent.Trim()));
        Assert.Equal("Analyst", SelectedRole(Row(page, "ana")));
        Assert.Equal("Editor", SelectedRole(Row(page, "eddie")));
        Assert.Equal("Must change password", Row(page, "ana").QuerySelector(".user-state")!.TextContent.Trim());
        Assert.Equal("Active", Row(page, "eddie").QuerySelector(".user-state")!.TextContent.Trim());
        var self = Row(page, Self);
        Assert.Null(self.QuerySelector(".lock-user"));
        Assert.Null(self.QuerySelector(".delete-user"));
        Assert.All(self.QuerySelectorAll(".user-role button"), button => Assert.True(button.HasAttribute("disabled")));
    }

    [Fact]
    public async Task CreatingAUser_StoresThemWithTheRole_AndAPasswordTheyMustChange()
    {
        await CreateUserAsync(Self, Roles.Admin);
        var page = RenderAdminPage<UsersPage>("/admin/users");
        page.WaitForElement(".user-row");

        page.Find("#new-user-name").Change("eddie");
        page.Find("#new-user-password").Change("initial passphrase");
        page.FindAll("#new-user-role button").Single(button => button.TextContent.Trim() == "Editor").Click();
        page.Find("#create-user").Click();

        page.WaitForAssertion(() => Assert.Equal("Must change password", Row(page, "eddie").QuerySelector(".user-state")!.TextContent.Trim()));
        Assert.Equal("Editor", SelectedRole(Row(page, "eddie")));
        var stored = await FindAsync("eddie");
        Assert.True(stored!.MustChangePassword);
        Assert.Equal(["Editor"], await WithUsersAsync(users => users.GetRolesAsync(stored)));
        Assert.True(await WithUsersAsync(users => users.CheckPasswordAsync(stored, "initial passphrase")));
    }

    [Fact]
    public async Task ATooShortPassword_SaysTheRule_AndCreatesNobody()
    {
        await CreateUserAsync(Self, Roles.Admin);
        var page = RenderAdminPage<UsersPage>("/admin/users");
        page.WaitForElement(".user-row");

        page.Find("#new-user-name").Change("eddie");
        page.Find("#new-user-password").Change("short");
        page.Find("#create-user").Click();

        page.WaitForAssertion(() => Assert.Contains("Passwords must be at least 12 characters.", page.Find("#form-errors").TextContent, StringComparison.Ordinal));
        Assert.Null(await FindAsync("eddie"));
    }

    [Fact]
    public async Task ChangingARole_StoresIt_AndRenewsTheSecurityStamp_SoOpenSessionsEnd()
    {
        await CreateUserAsync(Self, Roles.Admin);
        var before = (await CreateUserAsync("ana", Roles.Analyst)).SecurityStamp;
        var page = RenderAdminPage<UsersPage>("/admin/users");
        page.WaitForElement(".user-row[data-user=ana]");

        Row(page, "ana").QuerySelectorAll(".user-role button").Single(button => button.TextContent.Trim() == "Editor").Click();

        page.WaitForAssertion(() => Assert.Equal("Editor", SelectedRole(Row(page, "ana"))));
        var stored = await FindAsync("ana");
        Assert.Equal(["Editor"], await WithUsersAsync(users => users.GetRolesAsync(stored!)));
        Assert.NotEqual(before, stored!.SecurityStamp);
    }

    [Fact]
    public async Task LockingAndUnlocking_KeepsTheUserOutAndLetsThemInAgain()
    {
        await CreateUserAsync(Self, Roles.Admin);
        await CreateUserAsync("ana", Roles.Analyst);
        var page = RenderAdminPage<UsersPage>("/admin/users");
        page.WaitForElement(".user-row[data-user=ana]");

        Row(page, "ana").QuerySelector(".lock-user")!.Click();

        page.WaitForAssertion(() => Assert.Equal("Locked by an admin", Row(page, "ana").QuerySelector(".user-state")!.TextContent.Trim()));
        Assert.True(await WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByNameAsync("ana"))!)));

        Row(page, "ana").QuerySelector(".unlock-user")!.Click();

        page.WaitForAssertion(() => Assert.Equal("Active", Row(page, "ana").QuerySelector(".user-state")!.TextContent.Trim()));
        Assert.False(await WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByNameAsync("ana"))!)));
    }

    [Fact]
    public async Task Deleting_AsksFirst_ThenRemovesTheUser()
    {
        await CreateUserAsync(Self, Roles.Admin);
        await CreateUserAsync("ana", Roles.Analyst);
        var page = RenderAdminPage<UsersPage>("/admin/users");
        page.WaitForElement(".user-row[data-user=ana]");

        // Not awaited: the click's handler waits for the answer to the confirmation.
        Row(page, "ana").QuerySelector(".delete-user")!.Click();
        var dialog = Dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Delete ana?", dialog.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync("ana"));
        await dialog.QuerySelectorAll("button").Single(button => button.TextContent.Trim() == "Delete").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".user-row")));
        Assert.Null(await FindAsync("ana"));
    }

    [Fact]
    public async Task AnAdmin_CannotDemoteLockOrDeleteThemselves_EvenBypassingThePage()
    {
        var self = await CreateUserAsync(Self, Roles.Admin);
        var administration = new UserAdministration(Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        var demoted = await administration.SetRoleAsync(self.Id, Roles.Analyst, Self);
        var locked = await administration.LockAsync(self.Id, Self);
        var deleted = await administration.DeleteAsync(self.Id, Self);

        Assert.Equal(["You cannot change your own role; another admin can."], demoted);
        Assert.Equal(["You cannot lock yourself out; another admin can."], locked);
        Assert.Equal(["You cannot delete yourself; another admin can."], deleted);
        Assert.Equal(["Admin"], await WithUsersAsync(users => users.GetRolesAsync(self)));
    }

    private static IElement Row(IRenderedComponent<UsersPage> page, string name) => page.Find($".user-row[data-user={name}]");

    private static string SelectedRole(IElement row) =>
        row.QuerySelectorAll(".user-role button").Single(button => button.ClassList.Contains("mud-toggle-item-selected")).TextContent.Trim();
}

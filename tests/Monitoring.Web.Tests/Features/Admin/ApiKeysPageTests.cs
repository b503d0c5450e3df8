using System.Security.Cryptography;
using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Web.Features.Admin;
using Monitoring.Web.Features.ApiKeys;

namespace Monitoring.Web.Tests.Features.Admin;

public sealed class ApiKeysPageTests : AdminUiContext
{
    private ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    [Fact]
    public async Task CreatingAKey_ShowsItOnce_AndStoresOnlyItsHash_WithTheChosenScopes()
    {
        var page = RenderAdminPage<ApiKeysPage>("/admin/api-keys");
        page.WaitForElement("#keys-empty");

        page.Find("#key-name").Change("Drina wire");
        page.Find("input[data-scope='export:read']").Change(true);
        page.Find("#create-key").Click();

        var secret = page.WaitForElement("#new-key-secret").TextContent.Trim();
        var stored = Assert.Single(await Keys.ListAsync(Cancellation));
        Assert.Equal("Drina wire", stored.Name);
        Assert.Equal(["ingest:write", "export:read"], stored.ScopeList);
        Assert.Equal(Self, stored.CreatedBy);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.Hash);
        Assert.Equal(ApiKeyCheck.Valid, (await Keys.CheckAsync(secret, Cancellation)).Check);
        var row = page.Find($".key-row[data-key='{stored.Prefix}']");
        Assert.Equal("ingest:write export:read", row.QuerySelector(".key-scopes")!.TextContent.Trim());

        var again = Render<ApiKeysPage>(); // a later visit
        again.WaitForElement(".key-row");
        Assert.DoesNotContain(secret, again.Markup, StringComparison.Ordinal);
        Assert.Empty(again.FindAll("#new-key-secret"));
    }

    [Fact]
    public void AKeyWithoutAName_OrWithoutScopes_IsNotCreated()
    {
        var page = RenderAdminPage<ApiKeysPage>("/admin/api-keys");
        page.WaitForElement("#keys-empty");

        page.Find("#create-key").Click();
        page.WaitForAssertion(() => Assert.Contains("Name the key", page.Find("#form-errors").TextContent, StringComparison.Ordinal));
        page.Find("#key-name").Change("Nobody");
        page.Find("input[data-scope='ingest:write']").Change(false);
        page.Find("#create-key").Click();

        page.WaitForAssertion(() => Assert.Contains("Choose at least one scope.", page.Find("#form-errors").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".key-row"));
    }

    [Fact]
    public async Task Revoking_AsksFirst_ThenTheKeyIsRefused_AndShownRevoked()
    {
        var created = await Keys.CreateAsync("Old wire", [ApiKeyScopes.IngestWrite], Self, Cancellation);
        Assert.Equal(ApiKeyCheck.Valid, (await Keys.CheckAsync(created.Secret, Cancellation)).Check);
        var page = RenderAdminPage<ApiKeysPage>("/admin/api-keys");
        var row = page.WaitForElement(".key-row");
        Assert.NotEqual("never", row.QuerySelector(".key-last-used")!.TextContent.Trim());

        // Not awaited: the click's handler waits for the answer to the confirmation.
        row.QuerySelector(".revoke-key")!.Click();
        var dialog = Dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("Revoke “Old wire”?", dialog.TextContent, StringComparison.Ordinal);
        await dialog.QuerySelectorAll("button").Single(button => button.TextContent.Trim() == "Revoke").ClickAsync(new());

        page.WaitForAssertion(() => Assert.StartsWith("Revoked", page.Find(".key-state").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".revoke-key"));
        Assert.Equal(ApiKeyCheck.Revoked, (await Keys.CheckAsync(created.Secret, Cancellation)).Check);
    }
}

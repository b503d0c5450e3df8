using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>One user whatever the case of their name: as owner, as recipient, in the inbox.</summary>
public sealed class UserNamesTests : AlertsUiContext
{
    [Fact]
    public async Task OwnersAndRecipients_AreStoredNormalised_AndMatchedWhateverTheCase()
    {
        var draft = new AlertDraft { Name = "Depot", Query = new SavedQuery { Text = "depot" }, SharedWith = " Marko, MARKO; desk-editor , Ana.Petrovic" };

        var alert = (await AlertService.SaveAsync(draft, "Ana.Petrovic", Cancellation)).Alert!;

        Assert.Equal("ana.petrovic", alert.Owner);
        // The owner is not repeated among the recipients, nor Marko twice.
        Assert.Equal("marko, desk-editor", alert.SharedWith);
        Assert.Equal(["ana.petrovic", "marko", "desk-editor"], alert.InAppRecipients());
        Assert.NotNull(await AlertService.GetAsync(alert.Id, "ANA.PETROVIC", Cancellation));
        Assert.Single(await AlertService.ListAsync("ana.PETROVIC", Cancellation));
        Assert.True(await AlertService.PauseAsync(alert.Id, "Ana.petrovic", Cancellation));
        Assert.Equal("Depot", Assert.Single(await AlertService.ListSharedWithAsync("Desk-Editor", Cancellation)).Name);
        Assert.Empty(await AlertService.ListSharedWithAsync("mark", Cancellation));
    }

    [Fact]
    public async Task SharingWithSomeoneWithoutAnAccount_IsRefused_NamingThem()
    {
        var draft = new AlertDraft { Name = "Depot", Query = new SavedQuery { Text = "depot" }, SharedWith = "Marko, mrako, ana.petrovic" };

        var result = await AlertService.SaveAsync(draft, User, Cancellation);

        Assert.Null(result.Alert);
        var error = Assert.Single(result.Errors);
        Assert.Equal((AlertFields.SharedWith, "There is no user 'mrako'. Check the spelling; an admin sees every user name on the Users page."), (error.Field, error.Message));
        Assert.Empty(await AlertService.ListAsync(User, Cancellation));
    }

    [Fact]
    public async Task TheInAppChannel_DeliversOncePerUser_AndTheInboxCountsItWhateverTheCase()
    {
        var alert = (await AlertService.SaveAsync(
            new AlertDraft { Name = "Depot", Query = new SavedQuery { Text = "depot" }, SharedWith = "Marko" }, "Ana.Petrovic", Cancellation)).Alert!;
        // As a row stored before names were normalised would read.
        alert.SharedWith = "Marko, marko, ANA.PETROVIC";

        await DeliverInAppAsync(alert, deliveryId: 7, "Fire at an ammunition depot near Kragujevac");
        await DeliverInAppAsync(alert, deliveryId: 7, "Fire at an ammunition depot near Kragujevac");

        var inbox = Services.GetRequiredService<NotificationInbox>();
        Assert.Equal(1, await inbox.UnreadCountAsync("MARKO", Cancellation));
        Assert.Equal(1, await inbox.UnreadCountAsync("ana.petrovic", Cancellation));
        await inbox.MarkAllReadAsync("Marko", Cancellation);
        Assert.Equal(0, await inbox.UnreadCountAsync("marko", Cancellation));
    }

    [Fact]
    public async Task NamesStoredBeforeNormalising_AreLowerCasedByTheMigration()
    {
        await using (var db = App.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261127081614_Alerts", Cancellation);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Alerts (Id, Name, Owner, QueryJson, Mode, TimeZone, DigestOrder, NewStoriesOnly, InApp, SharedWith, WebhookFormat, Paused, CreatedAt, UpdatedAt) "
                + "VALUES ('5d3c2a8e-3f65-4a36-9d2e-0c6f1c9b7a11', 'Old', ' Ana.Petrovic', '{{\"text\":\"depot\"}}', 'Instant', 'Europe/Belgrade', 'Tension', 1, 1, 'Marko, Desk-Editor', 'Json', 0, 0, 0)",
                Cancellation);
            await db.Database.MigrateAsync(Cancellation);
        }

        var stored = Assert.Single(await StoredAlertsAsync());
        Assert.Equal(("ana.petrovic", "marko, desk-editor"), (stored.Owner, stored.SharedWith));
        Assert.Single(await AlertService.ListAsync("Ana.Petrovic", Cancellation));
    }
}

namespace Monitoring.Alerts.Tests;

/// <summary>The in-process signal that a user's inbox changed, which the in-app channel gives and the bell follows.</summary>
public sealed class InboxNotifierTests
{
    [Fact]
    public async Task ASubscriber_IsTold_WhateverTheCaseOfTheUserName()
    {
        var notifier = new InboxNotifier();
        var told = new TaskCompletionSource();
        using var subscription = notifier.Subscribe("Ana.Petrovic", () =>
        {
            told.TrySetResult();
            return Task.CompletedTask;
        });

        notifier.Notify(["ana.petrovic"]);

        await told.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(1, notifier.SubscriberCount("ANA.PETROVIC"));
    }

    [Fact]
    public void ADisposedSubscription_IsNoLongerCounted()
    {
        var notifier = new InboxNotifier();
        var subscription = notifier.Subscribe("marko", () => Task.CompletedTask);

        subscription.Dispose();

        Assert.Equal(0, notifier.SubscriberCount("marko"));
    }
}

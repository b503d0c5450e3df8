namespace Monitoring.Web.BrowserTests;

/// <summary>The app on its first start with an empty data folder, shared by a test class.</summary>
public sealed class RunningApp : IAsyncLifetime
{
    private readonly TemporaryFolder _data = new();
    private AppProcess? _app;

    public Uri BaseAddress => _app!.BaseAddress;

    /// <summary>The app's watched drop folder: a file put there is imported.</summary>
    public string DropFolder => Path.Combine(_data.Path, "drop");

    public async ValueTask InitializeAsync() => _app = await AppProcess.StartAsync(_data.Path);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }
}

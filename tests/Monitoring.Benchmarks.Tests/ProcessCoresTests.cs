namespace Monitoring.Benchmarks.Tests;

public sealed class ProcessCoresTests
{
    [Fact]
    public void OnOneCore_PinsEveryThread_AndThoseStartedMeanwhile_ThenGivesEveryThreadItsCoresBack()
    {
        Assert.True(OperatingSystem.IsLinux(), "The test reads /proc: it runs on Linux, as CI does.");
        var before = ProcessCores.AllowedCores(Environment.ProcessId);
        using var running = new Worker();

        string startedMeanwhileCores;
        int startedMeanwhile;
        using (ProcessCores.OnOneCore())
        {
            Assert.All(ProcessCores.ThreadIds(), thread => Assert.Matches("^([0-9]+|gone)$", AllowedOrGone(thread)));
            using var meanwhile = new Worker();
            startedMeanwhile = meanwhile.ThreadId;
            startedMeanwhileCores = ProcessCores.AllowedCores(startedMeanwhile);
            // What the benchmark got wrong: a thread started while pinned kept one core after the main thread got its back.
            Assert.Equal(ProcessCores.AllowedCores(running.ThreadId), startedMeanwhileCores);
            Assert.Equal(ProcessCores.AllowedCores(Environment.ProcessId), startedMeanwhileCores);
        }

        Assert.Equal(before, ProcessCores.AllowedCores(Environment.ProcessId));
        Assert.Equal(before, ProcessCores.AllowedCores(running.ThreadId));
        Assert.All(ProcessCores.ThreadIds(), thread => Assert.Contains(AllowedOrGone(thread), new[] { before, "gone" }));
        if (Environment.ProcessorCount > 1)
        {
            Assert.NotEqual(before, startedMeanwhileCores);
        }
    }

    // A pool thread may end between listing the threads and reading its status.
    private static string AllowedOrGone(int thread)
    {
        try
        {
            return ProcessCores.AllowedCores(thread);
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    /// <summary>A thread of its own that waits until disposed, with its kernel id.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly ManualResetEventSlim _started = new();
        private readonly ManualResetEventSlim _stop = new();
        private readonly Thread _thread;
        private int _threadId;

        public Worker()
        {
            _thread = new Thread(() =>
            {
                _threadId = Gettid();
                _started.Set();
                _stop.Wait();
            })
            { IsBackground = true };
            _thread.Start();
            if (!_started.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("The test's thread did not start within 30 s.");
            }
        }

        public int ThreadId => _threadId;

        public void Dispose()
        {
            _stop.Set();
            _thread.Join();
            _started.Dispose();
            _stop.Dispose();
        }

        // The kernel's id of the calling thread: /proc/thread-self names it.
        private static int Gettid() => int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").ResolveLinkTarget(false)!.FullName), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Monitoring.Benchmarks;

/// <summary>
/// Keeps every thread of this process on one core for a while, then gives all of them back the cores they had. On
/// Linux <see cref="Process.ProcessorAffinity"/> sets the main thread's affinity only: the threads already running kept
/// both cores, and the threads started meanwhile (pool threads, the index writer's, Lucene's merges) inherited core 0
/// and kept it after the main thread's was restored, so every variant measured after "one core" ran partly pinned
/// (docs/performance.md, benchmark 2, sixth pass).
/// </summary>
internal static partial class ProcessCores
{
    /// <summary>Room for 1,024 cores in a Linux CPU mask.</summary>
    private const int MaskBytes = 128;

    /// <summary>Every thread on the first core this process may use, until the result is disposed; null on a system where this is not done.</summary>
    public static IDisposable? OnOneCore()
    {
        if (OperatingSystem.IsWindows())
        {
            return OnOneCoreOnWindows();
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var allowed = MaskOf(Environment.ProcessId);
        var first = Array.FindIndex(allowed, part => part != 0);
        var one = new byte[MaskBytes];
        one[first] = (byte)(allowed[first] & -allowed[first]);
        SetEveryThread(one);
        return new Restore(() => SetEveryThread(allowed));
    }

    // On Windows a process's affinity is every thread's.
    [SupportedOSPlatform("windows")]
    private static Restore OnOneCoreOnWindows()
    {
        var process = Process.GetCurrentProcess();
        var all = process.ProcessorAffinity;
        process.ProcessorAffinity = all & -all;
        return new Restore(() => SetProcessAffinity(process, all));
    }

    [SupportedOSPlatform("windows")]
    private static void SetProcessAffinity(Process process, nint cores) => process.ProcessorAffinity = cores;

    /// <summary>The cores the thread may run on, as listed by the kernel (e.g. "0" or "0-1").</summary>
    public static string AllowedCores(int threadId) =>
        File.ReadLines($"/proc/self/task/{threadId}/status")
            .First(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            .Split(':', 2)[1].Trim();

    /// <summary>The ids of this process's threads now.</summary>
    public static IReadOnlyList<int> ThreadIds() =>
        [.. Directory.GetDirectories("/proc/self/task").Select(path => int.Parse(Path.GetFileName(path), CultureInfo.InvariantCulture))];

    private static unsafe byte[] MaskOf(int threadId)
    {
        var mask = new byte[MaskBytes];
        fixed (byte* bytes = mask)
        {
            if (GetAffinity(threadId, MaskBytes, bytes) != 0)
            {
                throw new InvalidOperationException($"sched_getaffinity failed: errno {Marshal.GetLastPInvokeError()}.");
            }
        }

        return mask;
    }

    // A thread started during a pass by a thread not yet set inherits the old mask: passes repeat until none is new.
    private static unsafe void SetEveryThread(byte[] mask)
    {
        var done = new HashSet<int>();
        for (var pass = 0; pass < 10; pass++)
        {
            var fresh = ThreadIds().Where(done.Add).ToList();
            if (fresh.Count == 0)
            {
                return;
            }

            fixed (byte* bytes = mask)
            {
                foreach (var thread in fresh)
                {
                    // A thread that ended meanwhile (ESRCH) needs nothing.
                    _ = SetAffinity(thread, MaskBytes, bytes);
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static unsafe partial int SetAffinity(int threadId, nint size, byte* mask);

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static unsafe partial int GetAffinity(int threadId, nint size, byte* mask);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;

namespace Monitoring.Ingestion.Inbox;

/// <summary>
/// <see cref="DisableConcurrentExecutionAttribute"/> for <see cref="InboxProcessingJob"/> that does not hold a worker
/// while it waits. Every accepted batch enqueues an inbox run; with the plain attribute each of them took a worker and
/// waited there for the running one's lock, so with two workers a long run left feed polls, alert deliveries and
/// "poll now" queued behind runs that had nothing to do but wait. Here a run asked for while this process already runs
/// one (on the same job storage) is not performed: its worker is free at once, and all such runs are folded into one
/// follow-up run of every pending item, enqueued when the running one ends, which covers whatever they were asked to
/// process. Between processes the distributed lock still keeps runs apart, as before.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FoldedInboxRunsAttribute(int timeoutInSeconds) : DisableConcurrentExecutionAttribute(timeoutInSeconds), IServerFilter
{
    private const string GateKey = "monitoring:inbox-run-gate";

    // One gate per job storage: two hosts in one process (tests) must not fold each other's runs.
    private static readonly ConditionalWeakTable<JobStorage, RunGate> Gates = [];

    /// <summary>The run every folded request becomes: all pending items, whatever range each one named.</summary>
    public static Job FollowUp { get; } = Job.FromExpression<InboxProcessingJob>(job => job.ProcessAsync(0, long.MaxValue, CancellationToken.None));

    void IServerFilter.OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gate = Gates.GetValue(context.Storage, _ => new RunGate());
        if (!gate.TryEnter())
        {
            // Not performed (Hangfire's dashboard lists it as deleted); the run in progress enqueues the follow-up that
            // does this one's work.
            context.Canceled = true;
            return;
        }

        try
        {
            OnPerforming(context);
        }
        catch
        {
            // The lock was not taken (another process holds it past the timeout): this run fails and is retried, and
            // whatever was folded into it meanwhile still gets its follow-up.
            Leave(gate, context.Storage);
            throw;
        }

        context.Items[GateKey] = gate;
    }

    void IServerFilter.OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            OnPerformed(context);
        }
        finally
        {
            if (context.Items.TryGetValue(GateKey, out var gate))
            {
                Leave((RunGate)gate, context.Storage);
            }
        }
    }

    private static void Leave(RunGate gate, JobStorage storage)
    {
        if (gate.Leave())
        {
            new BackgroundJobClient(storage).Create(FollowUp, new Hangfire.States.EnqueuedState());
        }
    }

    /// <summary>Whether a run is in progress here, and whether others were asked for meanwhile.</summary>
    internal sealed class RunGate
    {
        private readonly Lock _lock = new();
        private bool _running;
        private bool _folded;

        /// <summary>True when no run is in progress (this caller's now is); otherwise the request is folded.</summary>
        public bool TryEnter()
        {
            lock (_lock)
            {
                if (_running)
                {
                    _folded = true;
                    return false;
                }

                _running = true;
                return true;
            }
        }

        /// <summary>Ends the run; true when requests were folded into it, which a follow-up run must now serve.</summary>
        public bool Leave()
        {
            lock (_lock)
            {
                _running = false;
                var folded = _folded;
                _folded = false;
                return folded;
            }
        }
    }
}

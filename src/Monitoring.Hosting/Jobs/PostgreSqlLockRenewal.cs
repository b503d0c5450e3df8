using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Npgsql;

namespace Monitoring.Hosting.Jobs;

/// <summary>
/// Keeps the <see cref="DisableConcurrentExecutionAttribute"/> lock of a running job fresh on PostgreSQL job storage.
/// That storage's locks are rows which a worker waiting for one deletes once they are older than
/// <c>DistributedLockTimeout</c>, and it never renews them. The timeout is short, so that the locks of a killed
/// process free within seconds of a restart; without renewal, a job running longer than it would then be run a
/// second time beside itself. While such a job runs, this moves its lock row's acquisition time forward by the time
/// that passed, every <see cref="Interval"/>: a dead process's rows stop moving and expire, a live one's never do.
/// </summary>
internal sealed partial class PostgreSqlLockRenewal : JobFilterAttribute, IServerFilter
{
    private const string RenewalKey = "monitoring:lock-renewal";

    // The storage's lock table in its default schema, "hangfire", which the job storage options keep.
    private const string RenewSql = """UPDATE "hangfire"."lock" SET "acquired" = "acquired" + @elapsed WHERE "resource" LIKE @resource""";

    private readonly string _connectionString;
    private readonly ILogger _logger;

    public PostgreSqlLockRenewal(string connectionString, TimeSpan lockTimeout, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        Interval = lockTimeout / 5;

        // After every other filter's OnPerforming, so that the job's own lock is taken before it is renewed: renewing
        // while waiting would keep a dead process's lock alive.
        Order = int.MaxValue;
    }

    /// <summary>How often a running job's lock is renewed: a fifth of the lock timeout, so a few late renewals do no harm.</summary>
    public TimeSpan Interval { get; }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        if (job.Method.GetCustomAttribute<DisableConcurrentExecutionAttribute>() is null
            && job.Type.GetCustomAttribute<DisableConcurrentExecutionAttribute>() is null)
        {
            return;
        }

        // The attribute's resource is the job's type and method; the storage may put a prefix before it.
        context.Items[RenewalKey] = new Renewal(this, $"%{job.Type.Name}.{job.Method.Name}");
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(RenewalKey, out var renewal))
        {
            ((Renewal)renewal).Dispose();
        }
    }

    private void Renew(string resource, TimeSpan elapsed)
    {
        try
        {
            using var connection = new NpgsqlConnection(_connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(RenewSql, connection);
            command.Parameters.AddWithValue("elapsed", elapsed);
            command.Parameters.AddWithValue("resource", resource);
            command.ExecuteNonQuery();
        }
        catch (Exception problem) when (problem is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The next tick tries again; a lock that expires meanwhile lets at most one more run start beside this one.
            LogRenewalFailed(_logger, problem, resource);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the job lock {Resource}")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string resource);

    /// <summary>One running job's renewals: moves the row forward by the time measured since the last move.</summary>
    private sealed class Renewal : IDisposable
    {
        private readonly PostgreSqlLockRenewal _owner;
        private readonly string _resource;
        private readonly Timer _timer;
        private readonly Lock _gate = new();
        private long _last = Environment.TickCount64;
        private bool _stopped;

        public Renewal(PostgreSqlLockRenewal owner, string resource)
        {
            _owner = owner;
            _resource = resource;
            _timer = new Timer(_ => Tick(), null, owner.Interval, owner.Interval);
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _stopped = true;
            }

            _timer.Dispose();
        }

        private void Tick()
        {
            // Under the gate: no renewal after the job released its lock (another run may hold that row by then).
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                var now = Environment.TickCount64;
                _owner.Renew(_resource, TimeSpan.FromMilliseconds(now - _last));
                _last = now;
            }
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace Monitoring.Alerts;

/// <summary>The "Alerts" configuration section: where alert messages link to and how they are sent.</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The address readers use to reach this app; links in e-mails and webhooks start with it.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>How many times a delivery is tried before it is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles after each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one webhook POST may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public SmtpOptions Smtp { get; set; } = new();

    public Core.Alerts.RetrySchedule RetrySchedule => new(MaxAttempts, FirstRetryDelay, LongestRetryDelay);
}

/// <summary>The mail server alert e-mails go through ("Alerts:Smtp").</summary>
public sealed class SmtpOptions
{
    /// <summary>Host name of the SMTP server; e-mail delivery fails with a clear error while it is unset.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>"StartTls" (upgrade on the submission port), "Tls" (implicit TLS, port 465) or "None".</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address of alert e-mails.</summary>
    public string From { get; set; } = "alerts@monitoring.invalid";
}

public enum SmtpSecurity
{
    StartTls,
    Tls,
    None,
}

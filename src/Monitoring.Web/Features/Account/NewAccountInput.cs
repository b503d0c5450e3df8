using System.ComponentModel.DataAnnotations;

namespace Monitoring.Web.Features.Account;

/// <summary>The form of a new account: a name and a password typed twice (the length rule is Identity's).</summary>
internal sealed class NewAccountInput
{
    [Required(ErrorMessage = "Choose a user name.")]
    [StringLength(256)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string Confirm { get; set; } = "";
}

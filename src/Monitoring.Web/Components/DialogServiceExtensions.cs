using MudBlazor;

namespace Monitoring.Web.Components;

/// <summary>The app's one way to ask before something is deleted or removed.</summary>
public static class DialogServiceExtensions
{
    /// <summary>
    /// Asks "<paramref name="question"/>" in a dialog with <paramref name="confirmText"/> and Cancel; true only when
    /// confirmed (Cancel, Escape and a click outside all keep things as they are). The dialog holds the keyboard's
    /// focus while open and gives it back to the control that opened it when it closes.
    /// </summary>
    public static async Task<bool> ConfirmDeletionAsync(this IDialogService dialogs, string title, string question, string confirmText = "Delete")
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var confirmed = await dialogs.ShowMessageBoxAsync(title, question, yesText: confirmText, cancelText: "Cancel");
        return confirmed == true;
    }
}

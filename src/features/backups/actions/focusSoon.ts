/**
 * Puts focus back on the control that opened a dialog, once the dialog is gone. The shared Dialog (Radix)
 * returns focus only to a Radix Dialog.Trigger, and these dialogs are opened from plain buttons (a menu item,
 * a confirm button), so without this focus would fall to <body>. (Reported to the owner of src/ui/actions.)
 */
export function focusSoon(element: HTMLElement | null | undefined): void {
  // After the dialog has unmounted and released its focus trap.
  setTimeout(() => {
    if (element?.isConnected) element.focus();
  }, 0);
}

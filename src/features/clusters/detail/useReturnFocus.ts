/**
 * Puts focus back on the button that opened a dialog once it closes. Radix Dialog returns focus only to its
 * own Dialog.Trigger, and these dialogs are opened by ActionButtons (which must stay focusable when off), so
 * without this, focus falls to the page body after Cancel, Escape or a finished action.
 */
import { useEffect, useRef } from 'react';

export function useReturnFocus(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closed) return;
    // After Radix has torn down its focus trap (it does so in a timeout of its own).
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) ref.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [open]);
  return ref;
}

/**
 * Read-only sessions (`--read-only`): every mutating control is disabled and says why. The server refuses
 * those calls anyway; this only keeps a person from trying. The kit knows nothing of the session: the app
 * says whether changes are off through `ReadOnlyReasonProvider`.
 */
import { createContext, useContext, type ReactNode } from 'react';

export const READ_ONLY_REASON = 'The dashboard was started with --read-only: changes are turned off.';

const ReadOnlyReason = createContext<string | null>(null);

/** Turns every mutating control below off, with `reason` as the reason (null: changes allowed). */
export function ReadOnlyReasonProvider({ reason, children }: { reason: string | null; children: ReactNode }) {
  return <ReadOnlyReason.Provider value={reason}>{children}</ReadOnlyReason.Provider>;
}

/** The reason mutating controls are off, or null when they are allowed. */
export function useReadOnlyReason(): string | null {
  return useContext(ReadOnlyReason);
}

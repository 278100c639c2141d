/**
 * Read-only sessions (`--read-only`): every mutating control is disabled and says why. The server refuses
 * those calls anyway; this only keeps a person from trying.
 */
import { useSessionQuery } from '../../aws';

export const READ_ONLY_REASON = 'The dashboard was started with --read-only: changes are turned off.';

/** The reason mutating controls are off, or null when they are allowed. */
export function useReadOnlyReason(): string | null {
  const session = useSessionQuery();
  return session.data?.readOnly ? READ_ONLY_REASON : null;
}

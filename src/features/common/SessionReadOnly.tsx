/** Passes the session's read-only flag to the design kit, so every mutating control is off with the reason. */
import type { ReactNode } from 'react';
import { useSessionQuery } from '../../aws';
import { READ_ONLY_REASON, ReadOnlyReasonProvider } from '../../ui/actions/readOnly';

export function SessionReadOnly({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  return <ReadOnlyReasonProvider reason={session.data?.readOnly ? READ_ONLY_REASON : null}>{children}</ReadOnlyReasonProvider>;
}

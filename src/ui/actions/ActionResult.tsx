/**
 * What an action did: a success line with a link to what changed (role=status, so it is announced), or the
 * AWS error with its code and request id (role=alert), saying that nothing was changed.
 */
import type { ReactNode } from 'react';
import type { AwsRequestError } from '../../aws';
import { AwsErrorMessage } from '../AwsErrorMessage';

export function ActionSuccess({ children, testId = 'action-success' }: { children: ReactNode; testId?: string }) {
  return (
    <div role="status" data-testid={testId} className="mb-2 rounded border border-green-400 bg-green-50 p-2 text-sm text-green-900 dark:border-green-700 dark:bg-green-950 dark:text-green-100">
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}

/** A failed change. The service refused it, so nothing changed; the message says so. */
export function ActionError({ error, what }: { error: AwsRequestError; what: string }) {
  return <AwsErrorMessage error={error} what={`${what} (nothing was changed)`} />;
}

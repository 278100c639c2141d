/**
 * What an action did: a success line with a link to what changed (role=status, so it is announced), or the
 * AWS error with its code and request id (role=alert), saying that nothing was changed. Both are kit Alerts.
 */
import type { ReactNode } from 'react';
import { Alert } from '../Alert';
import { AwsErrorMessage, type RequestErrorLike } from '../AwsErrorMessage';

export function ActionSuccess({ children, testId = 'action-success' }: { children: ReactNode; testId?: string }) {
  return (
    <Alert type="success" live data-testid={testId} className="mb-2">
      {children}
    </Alert>
  );
}

/** A failed change. The service refused it, so nothing changed; the message says so. */
export function ActionError({ error, what }: { error: RequestErrorLike; what: string }) {
  return <AwsErrorMessage error={error} what={`${what} (nothing was changed)`} />;
}

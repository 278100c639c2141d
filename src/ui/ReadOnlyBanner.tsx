/**
 * The one read-only notice of a page: said once, at the top, instead of a grey reason under every button.
 * The kit knows nothing of the session: the page passes the flag (and, if it must, its own words).
 * Not announced (no live role): it describes the page as it is, and is read in order with it.
 */
import type { ReactNode } from 'react';
import { Alert } from './Alert';

export interface ReadOnlyBannerProps {
  /** Show it (the session is read-only); nothing is drawn otherwise. */
  readOnly: boolean;
  header?: ReactNode;
  /** Replaces the standard sentence. */
  message?: ReactNode;
  /** Said after the standard sentence: what this page still offers ("Fill in the form to get the AWS CLI command."). */
  children?: ReactNode;
  className?: string;
  'data-testid'?: string;
}

export function ReadOnlyBanner({
  readOnly,
  header = 'Read-only session',
  message,
  children,
  className = 'mb-4',
  ...rest
}: ReadOnlyBannerProps) {
  if (!readOnly) return null;
  return (
    <Alert type="info" live={false} header={header} className={className} data-testid={rest['data-testid'] ?? 'read-only-banner'}>
      <p>
        {message ?? (
          <>
            Changes are turned off (the dashboard was started with <code>--read-only</code>).
          </>
        )}
        {children && <> {children}</>}
      </p>
    </Alert>
  );
}

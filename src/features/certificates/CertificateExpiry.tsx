/**
 * When a cluster's certificate expires: its UTC date and "in N days" ("expired N days ago"), with the level of
 * src/cloudhsm/certificateExpiry.ts as an icon and words (warned at 90 days, in error at 30 or past).
 * `CertificateExpiry` sits in every row of a table, so it reads only the validity dates (no fingerprint or
 * signature check), once per PEM: react-query caches the reading, and rows that share a certificate share it.
 */
import { useQuery } from '@tanstack/react-query';
import type { ClusterWithExtras } from '../../aws';
import { certificateExpiryStatus, type CertificateExpiryLevel } from '../../cloudhsm/certificateExpiry';
// The decoder alone (not the pki index), so a view that shows expiries does not carry the certificate-making code.
import { readCertificateValidity } from '../../pki/decode';
import { formatUtcDate, Hint, Skeleton, StatusIndicator, toIso, useNow, type StatusIconName } from '../../ui';

export interface CertificateExpiryProps {
  cluster: ClusterWithExtras;
  /** "Now" (tests, or one clock for a whole table); default: the current minute. */
  now?: Date;
}

const ICON: Record<CertificateExpiryLevel, StatusIconName> = { ok: 'success', warning: 'warning', error: 'error' };

/** A certificate's expiry as icon and words: `2036-08-05, in 3520 days`. */
export function ExpiryStatus({ notAfter, now, wrap = true }: { notAfter: Date; now: Date; wrap?: boolean }) {
  const status = certificateExpiryStatus(notAfter, now);
  return (
    <StatusIndicator icon={ICON[status.level]} wrap={wrap} data-testid="certificate-expiry" data-level={status.level}>
      {status.expired ? 'Expired ' : 'Expires '}
      <time dateTime={toIso(notAfter)}>{formatUtcDate(notAfter)}</time>, {status.distance}
    </StatusIndicator>
  );
}

/** The validity of one PEM, read once and kept: it never changes for the same text. */
function useCertificateValidity(pem: string | undefined) {
  return useQuery({
    queryKey: ['pki', 'certificate-validity', pem ?? ''],
    queryFn: () => readCertificateValidity(pem ?? ''),
    enabled: Boolean(pem),
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    retry: false,
  });
}

/** The cluster certificate's expiry, inline; "Not initialized" when the cluster has no cluster certificate yet. */
export function CertificateExpiry({ cluster, now }: CertificateExpiryProps) {
  const pem = cluster.Certificates?.ClusterCertificate?.trim() || undefined;
  const minute = useNow();
  const validity = useCertificateValidity(pem);
  if (!pem) {
    return (
      <span className="text-slate-600 dark:text-slate-400" data-testid="certificate-expiry" data-level="none">
        Not initialized
      </span>
    );
  }
  if (validity.isPending) {
    return (
      <span aria-busy="true" data-testid="certificate-expiry" data-level="loading">
        <Skeleton className="inline-block h-4 w-32 align-middle" />
        <span className="sr-only">Reading the cluster certificate…</span>
      </span>
    );
  }
  if (validity.isError) {
    return (
      <StatusIndicator icon="warning" data-testid="certificate-expiry" data-level="unreadable">
        <Hint hint={validity.error.message} focusable={false}>
          Certificate unreadable
        </Hint>
      </StatusIndicator>
    );
  }
  return <ExpiryStatus notAfter={validity.data.notAfter} now={now ?? new Date(minute)} />;
}

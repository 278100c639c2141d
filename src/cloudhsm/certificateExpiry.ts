/**
 * When a cluster's certificate expires, and how worried to be about it. CloudHSM never renews the cluster
 * certificate (the customer's CA signed it at InitializeCluster), and clients that check it stop trusting the
 * HSMs once it lapses, so the dashboard warns well ahead: at 90 days, and in error at 30 or once past.
 * Pure: the views draw the level as an icon and words.
 */

const DAY_MS = 86_400_000;

/** Days before expiry from which the certificate is a warning. */
export const CERTIFICATE_WARNING_DAYS = 90;
/** Days before expiry from which (and once expired) it is an error. */
export const CERTIFICATE_ERROR_DAYS = 30;

export type CertificateExpiryLevel = 'ok' | 'warning' | 'error';

export interface CertificateExpiryStatus {
  level: CertificateExpiryLevel;
  expired: boolean;
  /** Whole days to go (or, once expired, since), rounded down: the number the words show. */
  days: number;
  /** `in 12 days`, `in less than a day`, `expired 3 days ago`, `expired less than a day ago`. */
  relative: string;
  /** The same without "expired", for a line that already says it: `in 12 days`, `3 days ago`. */
  distance: string;
  /** One line for a status indicator: `Expires in 12 days` / `Expired 3 days ago`. */
  summary: string;
}

const dayWord = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/**
 * The expiry status of a certificate valid until `notAfter`, seen at `now`. The level follows the whole days
 * shown, so "in 90 days" is always a warning and "in 30 days" always an error, whatever the hour.
 */
export function certificateExpiryStatus(notAfter: Date, now: Date): CertificateExpiryStatus {
  const ms = notAfter.getTime() - now.getTime();
  const expired = ms < 0;
  const days = Math.floor(Math.abs(ms) / DAY_MS);
  const span = days === 0 ? 'less than a day' : dayWord(days);
  const distance = expired ? `${span} ago` : `in ${span}`;
  const level: CertificateExpiryLevel =
    expired || days <= CERTIFICATE_ERROR_DAYS ? 'error' : days <= CERTIFICATE_WARNING_DAYS ? 'warning' : 'ok';
  return {
    level,
    expired,
    days,
    relative: expired ? `expired ${distance}` : distance,
    distance,
    summary: expired ? `Expired ${span} ago` : `Expires in ${span}`,
  };
}

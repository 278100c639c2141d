/**
 * The certificate checks in numbers and in words. The summary above the checks and the reason on the Initialize
 * button both use `checksShortfall`, so they can never count differently.
 */
import type { InitCheck } from './checkInitializationCertificates';

export interface CheckCounts {
  total: number;
  passed: number;
  failed: number;
  /** Checks that could not be made (they need something another check refused). */
  notMade: number;
}

export function countChecks(checks: readonly InitCheck[]): CheckCounts {
  const failed = checks.filter((c) => c.status === 'fail').length;
  const notMade = checks.filter((c) => c.status === 'skipped').length;
  return { total: checks.length, passed: checks.length - failed - notMade, failed, notMade };
}

/** "1 of 9 checks fail, 4 could not be made"; null when every check passes (and there is at least one). */
export function checksShortfall(checks: readonly InitCheck[]): string | null {
  const { total, failed, notMade } = countChecks(checks);
  if (total === 0) return 'No check could be made';
  if (failed === 0 && notMade === 0) return null;
  const parts = [failed > 0 ? `${failed} of ${total} checks fail` : null, notMade > 0 ? `${notMade} of ${total} could not be made` : null];
  return parts.filter((part) => part !== null).join(', ');
}

import { describe, expect, it } from 'vitest';
import { certificateExpiryStatus } from './certificateExpiry';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number, extraMs = 0) => new Date(NOW.getTime() + days * DAY + extraMs);

describe('certificateExpiryStatus', () => {
  it('is fine more than 90 days ahead', () => {
    expect(certificateExpiryStatus(at(3650), NOW)).toMatchObject({ level: 'ok', expired: false, days: 3650, relative: 'in 3650 days' });
    expect(certificateExpiryStatus(at(91), NOW)).toMatchObject({ level: 'ok', relative: 'in 91 days', summary: 'Expires in 91 days' });
  });

  it('warns from 90 days down to 31', () => {
    expect(certificateExpiryStatus(at(90), NOW)).toMatchObject({ level: 'warning', days: 90, relative: 'in 90 days' });
    // 90 days and 23 hours still reads "in 90 days", so it is warned like it reads.
    expect(certificateExpiryStatus(at(90, 23 * 3_600_000), NOW)).toMatchObject({ level: 'warning', days: 90 });
    expect(certificateExpiryStatus(at(31), NOW)).toMatchObject({ level: 'warning', relative: 'in 31 days' });
  });

  it('is an error from 30 days down to the last day', () => {
    expect(certificateExpiryStatus(at(30), NOW)).toMatchObject({ level: 'error', expired: false, relative: 'in 30 days' });
    expect(certificateExpiryStatus(at(1), NOW)).toMatchObject({ level: 'error', relative: 'in 1 day', summary: 'Expires in 1 day' });
    expect(certificateExpiryStatus(at(0, 3_600_000), NOW)).toMatchObject({ level: 'error', days: 0, relative: 'in less than a day' });
    // The very moment of notAfter is still (just) valid.
    expect(certificateExpiryStatus(at(0), NOW)).toMatchObject({ level: 'error', expired: false });
  });

  it('is an error once past, saying how long ago', () => {
    expect(certificateExpiryStatus(at(0, -1), NOW)).toMatchObject({
      level: 'error',
      expired: true,
      relative: 'expired less than a day ago',
      summary: 'Expired less than a day ago',
    });
    expect(certificateExpiryStatus(at(-1), NOW)).toMatchObject({
      level: 'error',
      expired: true,
      days: 1,
      relative: 'expired 1 day ago',
      distance: '1 day ago',
    });
    expect(certificateExpiryStatus(at(-400), NOW)).toMatchObject({ expired: true, relative: 'expired 400 days ago' });
  });
});

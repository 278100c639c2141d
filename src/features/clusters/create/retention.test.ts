import { describe, expect, it } from 'vitest';
import { checkRetentionDays, DEFAULT_RETENTION_DAYS } from './retention';

describe('checkRetentionDays', () => {
  it('accepts the documented range 7–379 and gives the wire value as a string', () => {
    expect(checkRetentionDays('7')).toEqual({ ok: true, days: 7, value: '7' });
    expect(checkRetentionDays('379')).toEqual({ ok: true, days: 379, value: '379' });
    expect(checkRetentionDays(String(DEFAULT_RETENTION_DAYS))).toEqual({ ok: true, days: 90, value: '90' });
    expect(checkRetentionDays(' 120 ')).toEqual({ ok: true, days: 120, value: '120' });
  });

  it('refuses the values just outside the range, saying which bound', () => {
    const six = checkRetentionDays('6');
    expect(six.ok).toBe(false);
    if (!six.ok) expect(six.error).toBe('Backup retention must be between 7 and 379 days; 6 is too short.');
    const over = checkRetentionDays('380');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error).toContain('380 is too long');
    expect(checkRetentionDays('0').ok).toBe(false);
    expect(checkRetentionDays('400').ok).toBe(false);
  });

  it('refuses what is not a whole number of days', () => {
    for (const text of ['', '  ', '7.5', '90.0', '-10', '1e2', 'ninety', '9 0', '0x10']) {
      const result = checkRetentionDays(text);
      expect(result.ok, text).toBe(false);
    }
    const decimal = checkRetentionDays('7.5');
    if (!decimal.ok) expect(decimal.error).toContain('whole number');
  });

  it('reads leading zeros as the number they are and sends it without them', () => {
    expect(checkRetentionDays('090')).toEqual({ ok: true, days: 90, value: '90' });
    expect(checkRetentionDays('0000400').ok).toBe(false);
  });
});

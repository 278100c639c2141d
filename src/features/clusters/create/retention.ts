/**
 * Backup retention in days, for CreateCluster and ModifyCluster. The model only says the value is 1–3 digits
 * (BackupRetentionValue); the service's documented range is 7–379 days, default 90 (the CLI help says
 * "Use a value between 7 - 379"); the range is the one the emulator enforces (model/serviceRules.ts).
 */
import { BackupRetentionValue, RETENTION_DAYS } from '../../../aws/constraints';

export const MIN_RETENTION_DAYS = RETENTION_DAYS.min;
export const MAX_RETENTION_DAYS = RETENTION_DAYS.max;
export const DEFAULT_RETENTION_DAYS = RETENTION_DAYS.default;

export type RetentionCheck = { ok: true; days: number; value: string } | { ok: false; error: string };

/** A typed retention (as in an input) checked as the API would: a whole number of days within 7–379. */
export function checkRetentionDays(text: string): RetentionCheck {
  const trimmed = text.trim();
  if (trimmed === '')
    return { ok: false, error: `Enter the number of days to keep backups (${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS}).` };
  if (!/^\d+$/.test(trimmed))
    return {
      ok: false,
      error: `Backup retention must be a whole number of days (${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS}); “${trimmed}” is not.`,
    };
  const days = Number(trimmed);
  if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    return {
      ok: false,
      error: `Backup retention must be between ${MIN_RETENTION_DAYS} and ${MAX_RETENTION_DAYS} days; ${days} is ${days < MIN_RETENTION_DAYS ? 'too short' : 'too long'}.`,
    };
  }
  // The wire value is a string of digits (no leading zeros: "090" would read as 90 anyway, say it plainly).
  const value = String(days);
  const { pattern, max } = BackupRetentionValue;
  if ((pattern && !pattern.test(value)) || (max !== undefined && value.length > max)) {
    return { ok: false, error: `Backup retention ${value} is not a value the API takes.` };
  }
  return { ok: true, days, value };
}

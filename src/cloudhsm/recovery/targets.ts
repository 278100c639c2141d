/**
 * Recovery targets: a default for every cluster (24 hours for the newest local backup and for the newest DR
 * copy) and per-cluster overrides, as kept in the browser. Reading is forgiving (anything malformed falls back
 * to the default); writing goes through `validTargetHours`.
 */
import { HOUR_MS, type Targets } from './types';

export const DEFAULT_TARGETS: Targets = { localHours: 24, drHours: 24 };

/** One hour to a year: a target outside that is a typo. */
export const TARGET_HOURS_MIN = 1;
export const TARGET_HOURS_MAX = 24 * 366;

export interface TargetSettings {
  defaults: Targets;
  /** By cluster id. */
  perCluster: Readonly<Record<string, Targets>>;
}

export const DEFAULT_SETTINGS: TargetSettings = { defaults: DEFAULT_TARGETS, perCluster: {} };

/** The problem with a typed target, or null when it is a whole number of hours in range. */
export function targetHoursError(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'Enter a whole number of hours.';
  const hours = Number(trimmed);
  if (hours < TARGET_HOURS_MIN || hours > TARGET_HOURS_MAX) return `Enter ${TARGET_HOURS_MIN} to ${TARGET_HOURS_MAX} hours.`;
  return null;
}

const validHours = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= TARGET_HOURS_MIN && value <= TARGET_HOURS_MAX;

function readTargets(value: unknown): Targets | null {
  if (!value || typeof value !== 'object') return null;
  const { localHours, drHours } = value as Record<string, unknown>;
  return validHours(localHours) && validHours(drHours) ? { localHours, drHours } : null;
}

/** Settings from their stored JSON; the defaults for anything missing or malformed. */
export function parseTargetSettings(text: string | null): TargetSettings {
  if (!text) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const { defaults, perCluster } = raw as Record<string, unknown>;
  const out: Record<string, Targets> = {};
  if (perCluster && typeof perCluster === 'object')
    for (const [id, value] of Object.entries(perCluster)) {
      const targets = readTargets(value);
      if (targets) out[id] = targets;
    }
  return { defaults: readTargets(defaults) ?? DEFAULT_TARGETS, perCluster: out };
}

export const serializeTargetSettings = (settings: TargetSettings): string => JSON.stringify(settings);

export const targetsFor = (settings: TargetSettings, clusterId: string): Targets => settings.perCluster[clusterId] ?? settings.defaults;

/** One cluster's targets; the default's own value removes the override. */
export function withClusterTargets(settings: TargetSettings, clusterId: string, targets: Targets): TargetSettings {
  const perCluster = { ...settings.perCluster };
  if (targets.localHours === settings.defaults.localHours && targets.drHours === settings.defaults.drHours) delete perCluster[clusterId];
  else perCluster[clusterId] = targets;
  return { defaults: settings.defaults, perCluster };
}

/** "Apply to all": the new default, and no cluster keeps its own. */
export const withTargetsForAll = (targets: Targets): TargetSettings => ({ defaults: targets, perCluster: {} });

/**
 * The start of the backup window the view needs to decide every shown cluster: now less the largest target in
 * force among them, floored to the hour so the window does not move every minute.
 */
export function windowStart(settings: TargetSettings, clusterIds: Iterable<string>, now: number): number {
  let largest = Math.max(settings.defaults.localHours, settings.defaults.drHours);
  for (const id of clusterIds) {
    const own = settings.perCluster[id];
    if (own) largest = Math.max(largest, own.localHours, own.drHours);
  }
  return Math.floor((now - largest * HOUR_MS) / HOUR_MS) * HOUR_MS;
}

/** "24 h", "3 days", "36 h". */
export function targetWords(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} h`;
}

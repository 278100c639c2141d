import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseTargetSettings,
  serializeTargetSettings,
  targetHoursError,
  targetsFor,
  targetWords,
  windowStart,
  withClusterTargets,
  withTargetsForAll,
} from './targets';
import { HOUR_MS } from './types';

describe('recovery targets', () => {
  it('default to 24 hours for local backups and DR copies', () => {
    expect(targetsFor(DEFAULT_SETTINGS, 'cluster-any')).toEqual({ localHours: 24, drHours: 24 });
  });

  it('round-trip through storage, and fall back to the default on anything malformed', () => {
    const settings = withClusterTargets(DEFAULT_SETTINGS, 'cluster-a', { localHours: 6, drHours: 48 });
    expect(parseTargetSettings(serializeTargetSettings(settings))).toEqual(settings);
    expect(parseTargetSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseTargetSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(
      parseTargetSettings(
        JSON.stringify({
          defaults: { localHours: -1, drHours: 2 },
          perCluster: { a: { localHours: 1.5, drHours: 2 }, b: { localHours: 3, drHours: 4 } },
        }),
      ),
    ).toEqual({ defaults: { localHours: 24, drHours: 24 }, perCluster: { b: { localHours: 3, drHours: 4 } } });
  });

  it('keep an override per cluster; the default value removes it; "apply to all" clears every override', () => {
    const one = withClusterTargets(DEFAULT_SETTINGS, 'cluster-a', { localHours: 6, drHours: 24 });
    expect(targetsFor(one, 'cluster-a')).toEqual({ localHours: 6, drHours: 24 });
    expect(targetsFor(one, 'cluster-b')).toEqual({ localHours: 24, drHours: 24 });
    expect(withClusterTargets(one, 'cluster-a', { localHours: 24, drHours: 24 }).perCluster).toEqual({});
    const all = withTargetsForAll({ localHours: 12, drHours: 72 });
    expect(targetsFor(all, 'cluster-a')).toEqual({ localHours: 12, drHours: 72 });
  });

  it('refuse a typed target that is not a whole number of hours in range', () => {
    expect(targetHoursError('24')).toBeNull();
    expect(targetHoursError('1.5')).toBe('Enter a whole number of hours.');
    expect(targetHoursError('')).toBe('Enter a whole number of hours.');
    expect(targetHoursError('0')).toMatch(/^Enter 1 to/);
    expect(targetHoursError('99999')).toMatch(/^Enter 1 to/);
  });

  it('open the backup window at now less the largest target in force among the shown clusters, to the hour', () => {
    const now = Date.UTC(2026, 0, 20, 12, 30);
    const settings = withClusterTargets(DEFAULT_SETTINGS, 'cluster-a', { localHours: 24, drHours: 72 });
    expect(windowStart(settings, ['cluster-b'], now)).toBe(Date.UTC(2026, 0, 19, 12));
    expect(windowStart(settings, ['cluster-a', 'cluster-b'], now)).toBe(now - 72 * HOUR_MS - 30 * 60_000);
  });

  it('say a target in hours, or in days when whole days', () => {
    expect(targetWords(24)).toBe('24 h');
    expect(targetWords(72)).toBe('3 days');
    expect(targetWords(36)).toBe('36 h');
  });
});

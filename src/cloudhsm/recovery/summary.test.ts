import { describe, expect, it } from 'vitest';
import { countPostures, summarySentence, type PostureCounts } from './summary';

const counts = (c: Partial<PostureCounts>): PostureCounts => ({
  onTarget: 0,
  behind: 0,
  noBackup: 0,
  notInitialized: 0,
  unknown: 0,
  drBehind: 0,
  ...c,
});
const none = { clustersFailed: [], clustersLoading: [], backupsFailed: [] };

describe('the recovery summary', () => {
  it('counts postures by status, and DR copies behind apart', () => {
    expect(
      countPostures([
        { status: 'on-target', drStatus: 'behind' },
        { status: 'on-target', drStatus: null },
        { status: 'behind', drStatus: 'copying' },
        { status: 'no-backup', drStatus: null },
        { status: 'not-initialized', drStatus: null },
        { status: 'unknown', drStatus: null },
      ]),
    ).toEqual(counts({ onTarget: 2, behind: 1, noBackup: 1, notInitialized: 1, unknown: 1, drBehind: 1 }));
  });

  it('counts clusters never initialized apart from those without a backup, and only when there are some', () => {
    expect(summarySentence({ counts: counts({ onTarget: 4, behind: 1, noBackup: 1, notInitialized: 3 }), ...none })).toBe(
      '4 on target, 1 behind, 1 without a backup, 3 not initialized (nothing to back up)',
    );
  });

  it('says "7 on target, 2 behind, 3 without a backup"', () => {
    expect(summarySentence({ counts: counts({ onTarget: 7, behind: 2, noBackup: 3 }), ...none })).toBe(
      '7 on target, 2 behind, 3 without a backup',
    );
    expect(summarySentence({ counts: counts({ onTarget: 1, drBehind: 1 }), ...none })).toBe(
      '1 on target, 0 behind, 0 without a backup; 1 cluster with a DR copy behind',
    );
  });

  it('never speaks for regions that failed or are still loading', () => {
    expect(summarySentence({ counts: counts({}), clustersFailed: [], clustersLoading: ['us-east-1'], backupsFailed: [] })).toBe(
      'Still loading the clusters of us-east-1…',
    );
    expect(
      summarySentence({ counts: counts({ onTarget: 2 }), clustersFailed: ['eu-west-1'], clustersLoading: [], backupsFailed: [] }),
    ).toBe('2 on target, 0 behind, 0 without a backup; could not load the clusters of eu-west-1');
    expect(summarySentence({ counts: counts({ onTarget: 1, unknown: 3 }), ...none, backupsFailed: ['us-west-2'] })).toBe(
      '1 on target, 0 behind, 0 without a backup; 3 clusters not known (could not read the backups of us-west-2)',
    );
    expect(summarySentence({ counts: counts({ unknown: 2 }), ...none })).toBe('Still checking 2 clusters…');
  });
});

import { describe, expect, it } from 'vitest';
import { clusterPosture, indexBackups, type PostureInput } from './posture';
import { DAY_MS, HOUR_MS, type BackupLike, type Located, type RegionCoverage } from './types';

const NOW = Date.UTC(2026, 0, 20, 12);
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR_MS);
const backup = (id: string, cluster: string, hoursAgo: number, extra: Partial<BackupLike> = {}): BackupLike => ({
  BackupId: id,
  ClusterId: cluster,
  BackupState: 'READY',
  CreateTimestamp: at(hoursAgo),
  ...extra,
});
const home: Record<string, string> = { 'cluster-pay': 'us-east-1', 'cluster-idn': 'eu-west-1' };
const regionOf = (id: string) => home[id];
const ready = (region: string, loadedSince: number | null = 0): RegionCoverage => ({ region, status: 'ready', loadedSince });
const coverage = (...c: RegionCoverage[]) => new Map(c.map((x) => [x.region, x]));
const targets = { localHours: 24, drHours: 24 };

function posture(backups: Located[], input: Partial<PostureInput<BackupLike>> = {}, cluster = 'cluster-pay') {
  const index = indexBackups(backups, regionOf);
  return clusterPosture({
    region: home[cluster]!,
    cluster: { ClusterId: cluster, CreateTimestamp: at(24 * 200) },
    backups: index.get(cluster),
    coverage: coverage(ready('us-east-1'), ready('us-west-2'), ready('eu-west-1')),
    targets,
    now: NOW,
    ...input,
  });
}

describe('clusterPosture: the newest local backup', () => {
  it('is on target when the newest READY backup is younger than the target, and names it', () => {
    const p = posture([
      { region: 'us-east-1', backup: backup('backup-old', 'cluster-pay', 30) },
      { region: 'us-east-1', backup: backup('backup-new', 'cluster-pay', 3) },
      { region: 'us-east-1', backup: backup('backup-creating', 'cluster-pay', 1, { BackupState: 'CREATE_IN_PROGRESS' }) },
      { region: 'us-east-1', backup: backup('backup-going', 'cluster-pay', 0.5, { BackupState: 'PENDING_DELETION' }) },
    ]);
    expect(p.status).toBe('on-target');
    expect(p.local).toMatchObject({ kind: 'found', backup: { BackupId: 'backup-new' }, ageMs: 3 * HOUR_MS });
  });

  it('is behind when the newest READY backup is older than the target', () => {
    const p = posture([{ region: 'us-east-1', backup: backup('backup-old', 'cluster-pay', 30) }]);
    expect(p.status).toBe('behind');
    expect(
      posture([{ region: 'us-east-1', backup: backup('b', 'cluster-pay', 30) }], { targets: { localHours: 48, drHours: 24 } }).status,
    ).toBe('on-target');
  });

  it('says "no backup" only when the region was read to its end (or asked directly)', () => {
    expect(posture([]).status).toBe('no-backup');
    const asked = posture([], {
      coverage: coverage(ready('us-east-1', NOW - 2 * DAY_MS)),
      lookup: new Map([['us-east-1', null]]),
    });
    expect(asked).toMatchObject({ status: 'no-backup', local: { kind: 'none' } });
  });

  it('says "older than" the loaded window, and behind, when pages reach past the target without a backup', () => {
    const p = posture([], { coverage: coverage(ready('us-east-1', NOW - 2 * DAY_MS)) });
    expect(p.local).toEqual({ kind: 'older', sinceMs: NOW - 2 * DAY_MS });
    expect(p.status).toBe('behind');
  });

  it('stays undecided while the loaded pages do not reach back to the target yet', () => {
    expect(posture([], { coverage: coverage(ready('us-east-1', NOW - 3 * HOUR_MS)) }).status).toBe('unknown');
  });

  it('is "no backup" when the window reaches back past the cluster\'s creation', () => {
    const p = posture([], {
      cluster: { ClusterId: 'cluster-pay', CreateTimestamp: at(5) },
      coverage: coverage(ready('us-east-1', NOW - 2 * DAY_MS)),
    });
    expect(p.status).toBe('no-backup');
  });

  it('is unknown, never "no backup", while its region loads or when it failed', () => {
    const loading = posture([], { coverage: coverage({ region: 'us-east-1', status: 'loading', loadedSince: null }) });
    expect(loading).toMatchObject({ status: 'unknown', local: { kind: 'unknown', reason: 'loading' } });
    const failed = posture([], { coverage: coverage({ region: 'us-east-1', status: 'error', loadedSince: null }) });
    expect(failed).toMatchObject({ status: 'unknown', local: { kind: 'unknown', reason: 'error' } });
  });

  it('is "nothing to back up" for a cluster never initialized (it holds no keys), unless a backup is found', () => {
    for (const State of ['CREATE_IN_PROGRESS', 'UNINITIALIZED', 'INITIALIZE_IN_PROGRESS']) {
      const p = posture([], { cluster: { ClusterId: 'cluster-pay', State, CreateTimestamp: at(2) } });
      expect(p.status).toBe('not-initialized');
    }
    // Initialized but not activated may already hold a cluster certificate and users: its backups matter.
    expect(posture([], { cluster: { ClusterId: 'cluster-pay', State: 'INITIALIZED', CreateTimestamp: at(2) } }).status).toBe('no-backup');
    const found = posture([{ region: 'us-east-1', backup: backup('backup-new', 'cluster-pay', 3) }], {
      cluster: { ClusterId: 'cluster-pay', State: 'UNINITIALIZED', CreateTimestamp: at(200) },
    });
    expect(found.status).toBe('on-target');
  });

  it('takes an exact answer ("Find newest") for a backup older than the window', () => {
    const old = backup('backup-9d', 'cluster-pay', 9 * 24);
    const p = posture([], { coverage: coverage(ready('us-east-1', NOW - DAY_MS)), lookup: new Map([['us-east-1', old]]) });
    expect(p.local).toMatchObject({ kind: 'found', backup: { BackupId: 'backup-9d' }, ageMs: 9 * DAY_MS });
    expect(p.status).toBe('behind');
  });
});

describe('clusterPosture: DR copies', () => {
  const copy = (id: string, hoursAgo: number, extra: Partial<BackupLike> = {}) =>
    backup(id, 'cluster-pay', hoursAgo, { SourceCluster: 'cluster-pay', SourceRegion: 'us-east-1', ...extra });

  it('groups copies by region, newest READY first, judged against the DR target', () => {
    const p = posture([
      { region: 'us-east-1', backup: backup('backup-local', 'cluster-pay', 2) },
      { region: 'us-west-2', backup: copy('backup-w7', 7 * 24) },
      { region: 'us-west-2', backup: copy('backup-w14', 14 * 24) },
      { region: 'eu-west-1', backup: copy('backup-e14', 14 * 24) },
      { region: 'eu-west-1', backup: copy('backup-e-now', 2, { BackupState: 'CREATE_IN_PROGRESS' }) },
    ]);
    expect(p.dr).toEqual([
      {
        region: 'eu-west-1',
        newest: expect.objectContaining({ BackupId: 'backup-e14' }),
        ageMs: 14 * DAY_MS,
        copying: true,
        status: 'behind',
      },
      {
        region: 'us-west-2',
        newest: expect.objectContaining({ BackupId: 'backup-w7' }),
        ageMs: 7 * DAY_MS,
        copying: false,
        status: 'behind',
      },
    ]);
    expect(p.drStatus).toBe('behind');
    expect(p.status).toBe('on-target');
  });

  it('recognises a copy by its ClusterId alone (real listings omit SourceCluster)', () => {
    const p = posture([{ region: 'us-west-2', backup: backup('backup-bare', 'cluster-pay', 3) }]);
    expect(p.dr).toMatchObject([{ region: 'us-west-2', status: 'on-target' }]);
    expect(p.drStatus).toBe('on-target');
  });

  it('says "copying" for a region whose only copy is in flight, and no DR status without copies', () => {
    const p = posture([{ region: 'eu-west-1', backup: copy('backup-flight', 1, { BackupState: 'CREATE_IN_PROGRESS' }) }]);
    expect(p.dr).toMatchObject([{ region: 'eu-west-1', newest: undefined, copying: true, status: 'copying' }]);
    expect(posture([]).drStatus).toBeNull();
  });

  it('leaves out backups of clusters that are not listed (orphans)', () => {
    const index = indexBackups([{ region: 'us-east-1', backup: backup('b', 'cluster-gone', 1) }], regionOf);
    expect(index.size).toBe(0);
  });

  it('adds a DR region found by "Find newest"', () => {
    const p = posture([], { lookup: new Map([['ap-southeast-1', copy('backup-ap', 40 * 24)]]) });
    expect(p.dr).toMatchObject([{ region: 'ap-southeast-1', status: 'behind', ageMs: 40 * DAY_MS }]);
  });
});

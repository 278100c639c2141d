import { beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from '../emulator';
import { ipToNumber, usableAddresses } from '../network';
import type { RegionState } from '../store';
import type { BackupRecord, ClusterRecord, ClusterState } from '../types';
import { seedEmulator } from './index';

const RESOURCE_ID = /^(cluster|hsm|backup)-[a-z2-7]{11}$/;
const PEM_CERT = /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$/;
const PEM_CSR = /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n?$/;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const regionsOf = (emulator: Emulator): RegionState[] =>
  [...emulator.store.allRegions()].filter((s) => s.clusters.size + s.backups.size > 0);
const clustersOf = (emulator: Emulator): { state: RegionState; cluster: ClusterRecord }[] =>
  regionsOf(emulator).flatMap((state) => [...state.clusters.values()].map((cluster) => ({ state, cluster })));
const backupsOf = (emulator: Emulator): { state: RegionState; backup: BackupRecord }[] =>
  regionsOf(emulator).flatMap((state) => [...state.backups.values()].map((backup) => ({ state, backup })));
const nameOf = (cluster: ClusterRecord): string | undefined => cluster.Tags.find((t) => t.Key === 'Name')?.Value;
const byName = (emulator: Emulator, name: string): { state: RegionState; cluster: ClusterRecord } => {
  const found = clustersOf(emulator).find(({ cluster }) => nameOf(cluster) === name);
  if (!found) throw new Error(`no cluster named ${name}`);
  return found;
};

/** Structural checks both seeds must pass. */
function checkInvariants(emulator: Emulator): void {
  for (const { state, cluster } of clustersOf(emulator)) {
    expect(cluster.ClusterId).toMatch(RESOURCE_ID);
    expect(cluster.Tags.length).toBeLessThanOrEqual(50);
    for (const tag of cluster.Tags) {
      expect(tag.Key).toMatch(TAG_TEXT);
      expect(tag.Value).toMatch(TAG_TEXT);
    }
    expect(cluster.RetentionDays).toBeGreaterThanOrEqual(7);
    expect(cluster.RetentionDays).toBeLessThanOrEqual(379);
    // SubnetMapping: AZ → a subnet of the cluster's VPC in that AZ.
    for (const [az, subnetId] of Object.entries(cluster.SubnetMapping)) {
      const subnet = state.subnets.get(subnetId);
      expect(subnet?.AvailabilityZone).toBe(az);
      expect(subnet?.VpcId).toBe(cluster.VpcId);
    }
    for (const hsm of cluster.Hsms) {
      expect(hsm.HsmId).toMatch(RESOURCE_ID);
      expect(hsm.ClusterId).toBe(cluster.ClusterId);
      expect(hsm.HsmType).toBe(cluster.HsmType);
      expect(cluster.SubnetMapping[hsm.AvailabilityZone]).toBe(hsm.SubnetId);
    }
  }
  // ENI addresses: inside the subnet, past the reserved ones, unique per subnet.
  for (const state of regionsOf(emulator)) {
    const seen = new Set<string>();
    for (const cluster of state.clusters.values()) {
      for (const hsm of cluster.Hsms) {
        const subnet = state.subnets.get(hsm.SubnetId);
        if (!subnet) throw new Error(`unknown subnet ${hsm.SubnetId}`);
        const { first, last } = usableAddresses(subnet.CidrBlock);
        const n = ipToNumber(hsm._eniIp);
        expect(n).toBeGreaterThanOrEqual(first);
        expect(n).toBeLessThanOrEqual(last);
        const key = `${hsm.SubnetId}/${hsm._eniIp}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  }
  for (const { state, backup } of backupsOf(emulator)) {
    expect(backup.BackupId).toMatch(RESOURCE_ID);
    expect(backup.ClusterId).toMatch(RESOURCE_ID);
    expect(backup.ClusterId.startsWith('cluster-')).toBe(true);
    if (backup.SourceRegion !== undefined) {
      expect(backup.SourceRegion).not.toBe(state.region);
      expect(backup.SourceCluster).toBe(backup.ClusterId);
      const source = emulator.store.peekRegion(state.account, backup.SourceRegion)?.backups.get(backup.SourceBackup ?? '');
      expect(source, `source of copy ${backup.BackupId}`).toBeDefined();
      expect(source?.CreateTimestamp).toBe(backup.CreateTimestamp);
      expect(source?.ClusterId).toBe(backup.ClusterId);
    } else {
      const cluster = state.clusters.get(backup.ClusterId);
      if (cluster) {
        expect(backup.HsmType).toBe(cluster.HsmType);
        expect(backup.Mode).toBe(cluster.Mode);
      }
    }
    if (backup.BackupState === 'PENDING_DELETION') expect(backup.DeleteTimestamp).toBeGreaterThan(emulator.now());
    else expect(backup.DeleteTimestamp).toBeUndefined();
  }
}

/** States (clusters, HSMs, backups) and counts, to compare before and after a tick. */
function fingerprintStates(emulator: Emulator): Map<string, string> {
  const out = new Map<string, string>();
  for (const { cluster } of clustersOf(emulator)) {
    out.set(cluster.ClusterId, `${cluster.State}|${cluster.Hsms.map((h) => `${h.HsmId}:${h.State}`).join(',')}`);
  }
  for (const { backup } of backupsOf(emulator)) out.set(backup.BackupId, backup.BackupState);
  return out;
}

describe('demo seed', () => {
  const emulator = new Emulator({ speed: 1 });
  let seconds = 0;

  beforeAll(async () => {
    const started = performance.now();
    await seedEmulator(emulator, 'demo');
    seconds = (performance.now() - started) / 1000;
    console.log(`demo seed: ${seconds.toFixed(2)} s, ${clustersOf(emulator).length} clusters, ${backupsOf(emulator).length} backups`);
  });

  it('spreads clusters over at least three regions', () => {
    const regions = new Set(clustersOf(emulator).map(({ state }) => state.region));
    expect(regions.size).toBeGreaterThanOrEqual(3);
    expect(clustersOf(emulator).length).toBeGreaterThanOrEqual(7);
    expect(clustersOf(emulator).length).toBeLessThanOrEqual(9);
    // Within the default quota of 4 clusters per region.
    for (const state of regionsOf(emulator)) expect(state.clusters.size).toBeLessThanOrEqual(4);
  });

  it('has the lifecycle states a real account passes through', () => {
    const states = new Set<ClusterState>(clustersOf(emulator).map(({ cluster }) => cluster.State));
    for (const s of ['ACTIVE', 'UNINITIALIZED', 'CREATE_IN_PROGRESS', 'INITIALIZED', 'DELETE_IN_PROGRESS'] as const)
      expect(states).toContain(s);

    const payments = byName(emulator, 'payments-prod').cluster;
    expect(payments.State).toBe('ACTIVE');
    expect(new Set(payments.Hsms.map((h) => h.AvailabilityZone)).size).toBe(3);
    for (const hsm of payments.Hsms) {
      expect(hsm.State).toBe('ACTIVE');
      expect(hsm.StateMessage).toBe('HSM created.');
    }

    const degraded = clustersOf(emulator).filter(({ cluster }) => cluster.Hsms.some((h) => h.State === 'DEGRADED'));
    expect(degraded).toHaveLength(1);
    expect(degraded[0]?.cluster.State).toBe('ACTIVE');
    expect(degraded[0]?.cluster.Hsms.find((h) => h.State === 'DEGRADED')?.StateMessage).toMatch(/degraded/i);

    const empty = clustersOf(emulator).find(({ cluster }) => cluster.State === 'UNINITIALIZED' && cluster.Hsms.length === 0);
    expect(empty?.cluster.Certificates).toEqual({});

    const creating = clustersOf(emulator).find(({ cluster }) => cluster.State === 'CREATE_IN_PROGRESS')?.cluster;
    expect(creating?._dueAt).toBeGreaterThan(emulator.now());

    const deleting = clustersOf(emulator).find(({ cluster }) => cluster.State === 'DELETE_IN_PROGRESS')?.cluster;
    expect(deleting?.Hsms).toEqual([]);
  });

  it('gives the uninitialized cluster with an HSM real PEM certificates', () => {
    const { cluster } = byName(emulator, 'tokenization-staging');
    expect(cluster.State).toBe('UNINITIALIZED');
    expect(cluster.Hsms).toHaveLength(1);
    expect(cluster.Hsms[0]?.State).toBe('ACTIVE');
    const certs = cluster.Certificates;
    expect(certs.ClusterCsr).toMatch(PEM_CSR);
    expect(certs.HsmCertificate).toMatch(PEM_CERT);
    expect(certs.AwsHardwareCertificate).toMatch(PEM_CERT);
    expect(certs.ManufacturerHardwareCertificate).toMatch(PEM_CERT);
    expect(certs.ClusterCertificate).toBeUndefined();
  });

  it('gives active and initialized clusters a cluster certificate, and their backups carry it', () => {
    for (const { cluster } of clustersOf(emulator)) {
      if (cluster.State !== 'ACTIVE' && cluster.State !== 'INITIALIZED') continue;
      expect(cluster.Certificates.ClusterCertificate).toMatch(PEM_CERT);
      expect(Object.keys(cluster.Certificates)).toEqual(['ClusterCertificate']);
    }
    for (const { backup } of backupsOf(emulator)) expect(backup._clusterCertificate).toMatch(PEM_CERT);
  });

  it('has a cluster restored from a cross-region copy', () => {
    const { state, cluster } = byName(emulator, 'payments-dr');
    expect(cluster.State).toBe('ACTIVE');
    const source = state.backups.get(cluster.SourceBackupId ?? '');
    expect(source?.SourceRegion).toBe('us-east-1');
    expect(source?.SourceCluster).toBe(byName(emulator, 'payments-prod').cluster.ClusterId);
    expect(cluster.Certificates.ClusterCertificate).toBe(source?._clusterCertificate);
    expect(cluster.CreateTimestamp).toBeGreaterThan(source?.CopyTimestamp ?? Infinity);
  });

  it('has months of daily backups inside each retention window, and kept ones beyond it', () => {
    const now = emulator.now();
    const { state, cluster } = byName(emulator, 'payments-prod');
    const own = [...state.backups.values()].filter((b) => b.ClusterId === cluster.ClusterId);
    expect(own.length).toBeGreaterThanOrEqual(100);
    expect(Math.min(...own.map((b) => b.CreateTimestamp))).toBeLessThan(now - 100 * 86_400);
    for (const { state: s, backup } of backupsOf(emulator)) {
      if (backup.SourceRegion !== undefined || backup.NeverExpires) continue;
      const days = s.clusters.get(backup.ClusterId)?.RetentionDays ?? 90;
      expect(backup.CreateTimestamp).toBeGreaterThan(now - days * 86_400);
    }
    const kept = backupsOf(emulator).filter(({ state: s, backup }) => {
      const days = s.clusters.get(backup.ClusterId)?.RetentionDays ?? 90;
      return backup.NeverExpires && backup.CreateTimestamp < now - days * 86_400;
    });
    expect(kept.length).toBeGreaterThanOrEqual(2);
    // The next daily backup is due within a day, after the newest one.
    for (const { cluster: c } of clustersOf(emulator)) {
      if (c.State !== 'ACTIVE' || c.Hsms.length === 0) continue;
      expect(c._nextDailyBackupAt).toBeGreaterThan(now);
      expect(c._nextDailyBackupAt).toBeLessThanOrEqual(now + 86_400);
    }
  });

  it('has cross-region copies whose source exists, one still copying', () => {
    const copies = backupsOf(emulator).filter(({ backup }) => backup.SourceRegion !== undefined);
    expect(new Set(copies.map(({ state }) => state.region))).toEqual(new Set(['us-west-2', 'eu-west-1']));
    const inFlight = copies.filter(({ backup }) => backup.BackupState === 'CREATE_IN_PROGRESS');
    expect(inFlight).toHaveLength(1);
    expect(inFlight[0]?.backup._dueAt).toBeGreaterThan(emulator.now());
    for (const { backup } of copies) expect(backup.Tags.length).toBeGreaterThan(0);
  });

  it('has exactly one backup pending deletion, and a deleted cluster whose backups remain', () => {
    const pending = backupsOf(emulator).filter(({ backup }) => backup.BackupState === 'PENDING_DELETION');
    expect(pending).toHaveLength(1);
    const orphans = backupsOf(emulator).filter(
      ({ state, backup }) => backup.SourceRegion === undefined && !state.clusters.has(backup.ClusterId),
    );
    expect(orphans.length).toBeGreaterThan(10);
    expect(orphans.every(({ backup }) => backup.BackupState === 'READY')).toBe(true);
  });

  it('passes the structural invariants', () => {
    checkInvariants(emulator);
  });

  it('is left alone by the first tick, except what is meant to finish by itself', () => {
    const before = fingerprintStates(emulator);
    emulator.tick();
    expect(fingerprintStates(emulator)).toEqual(before);

    // Half an hour later (at speed 1) the in-flight work is done, and nothing else changed state.
    emulator.advanceClock(30 * 60);
    const after = fingerprintStates(emulator);
    const changed = [...before].filter(([id, s]) => after.get(id) !== s).map(([id]) => id);
    expect(changed).toHaveLength(3);
    expect(byName(emulator, 'payments-canary').cluster.State).toBe('UNINITIALIZED');
    expect(byName(emulator, 'hsm-poc').cluster.State).toBe('DELETED');
    expect(backupsOf(emulator).filter(({ backup }) => backup.BackupState === 'CREATE_IN_PROGRESS')).toHaveLength(0);
  });
});

describe('empty seed', () => {
  it('creates nothing', async () => {
    const emulator = new Emulator({ speed: 1 });
    await seedEmulator(emulator, 'empty');
    expect([...emulator.store.allRegions()]).toHaveLength(0);
  });
});

describe('large seed', () => {
  it('makes exactly the counts asked for, in a mix of states', async () => {
    const emulator = new Emulator({ speed: 1 });
    await seedEmulator(emulator, 'large', { large: { clusters: 40, backups: 400, regions: ['us-east-1', 'eu-central-1'] } });
    expect(clustersOf(emulator)).toHaveLength(40);
    expect(backupsOf(emulator)).toHaveLength(400);
    expect(new Set(clustersOf(emulator).map(({ state }) => state.region))).toEqual(new Set(['us-east-1', 'eu-central-1']));
    const states = new Set(clustersOf(emulator).map(({ cluster }) => cluster.State));
    expect(states).toContain('ACTIVE');
    expect(backupsOf(emulator).some(({ backup }) => backup.SourceRegion !== undefined)).toBe(true);
    for (const { cluster } of clustersOf(emulator)) expect(cluster.Tags.map((t) => t.Key)).toEqual(['Name', 'Environment', 'Team']);
    checkInvariants(emulator);

    const before = fingerprintStates(emulator);
    emulator.tick();
    const after = fingerprintStates(emulator);
    // Only in-flight work (cluster creation, copies) may finish; nothing is purged or added.
    expect(after.size).toBe(before.size);
    for (const [id, s] of before) if (!s.includes('IN_PROGRESS')) expect(after.get(id)).toBe(s);
  });

  it('seeds the defaults (1000 clusters, 20000 backups over 4 regions) quickly', async () => {
    const emulator = new Emulator({ speed: 1 });
    const started = performance.now();
    await seedEmulator(emulator, 'large');
    const seconds = (performance.now() - started) / 1000;
    const tickStarted = performance.now();
    emulator.tick();
    console.log(`large seed (defaults): ${seconds.toFixed(2)} s; first tick ${((performance.now() - tickStarted) / 1000).toFixed(2)} s`);
    expect(clustersOf(emulator)).toHaveLength(1000);
    expect(backupsOf(emulator).length).toBe(20_000);
    expect(regionsOf(emulator)).toHaveLength(4);
    const all = backupsOf(emulator);
    expect(all.some(({ backup }) => backup.BackupState === 'PENDING_DELETION')).toBe(true);
    expect(all.some(({ backup }) => backup.NeverExpires)).toBe(true);
    expect(all.filter(({ backup }) => backup.SourceRegion !== undefined).length).toBeGreaterThan(100);
    const hsmStates = new Set(clustersOf(emulator).flatMap(({ cluster }) => cluster.Hsms.map((h) => h.State)));
    expect(hsmStates).toEqual(new Set(['ACTIVE', 'DEGRADED']));
    checkInvariants(emulator);
  });
});

describe('isomorphism', () => {
  it('imports nothing Node-only', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of ['index.ts', 'demo.ts', 'large.ts', 'builders.ts', 'certificates.ts']) {
      const source = await readFile(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"]node:|import\(['"]node:|require\(/);
    }
  });
});

/**
 * Durability of the emulator's --data file, over real HTTP with the AWS SDK: state survives a clean
 * restart and a kill -9 in the middle of a stream of writes, a torn last line is dropped, a corrupt file
 * stops the CLI (and is never replaced), memory-only mode writes nothing, and the log gets compacted.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateClusterCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ListTagsCommand,
  ModifyBackupAttributesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Backup,
  type CloudHSMV2Client,
  type Cluster,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_REGIONS } from '../seed';
import { COMPACT_AFTER_LINES } from '../node/persistence';
import { killChildren, runEmulatorCli, stopCli } from '../testing/cliProcess';
import { admin, advanceClock, sdkClient, seededSubnets, startTestEmulator } from '../testing/harness';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-persistence-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  killChildren();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// ---- Reading state back through the API ----

async function listAllTags(client: CloudHSMV2Client, resourceId: string, pageSize = 7): Promise<Tag[]> {
  const tags: Tag[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await client.send(new ListTagsCommand({ ResourceId: resourceId, MaxResults: pageSize, NextToken: token }));
    tags.push(...(out.TagList ?? []));
    token = out.NextToken;
    if (!token) return tags;
  }
  throw new Error('ListTags did not finish within 100 pages');
}

async function allClusters(client: CloudHSMV2Client): Promise<Cluster[]> {
  const clusters: Cluster[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await client.send(new DescribeClustersCommand({ MaxResults: 10, NextToken: token }));
    clusters.push(...(out.Clusters ?? []));
    token = out.NextToken;
    if (!token) return clusters;
  }
  throw new Error('DescribeClusters did not finish within 100 pages');
}

async function allBackups(client: CloudHSMV2Client): Promise<Backup[]> {
  const backups: Backup[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await client.send(new DescribeBackupsCommand({ MaxResults: 20, NextToken: token }));
    backups.push(...(out.Backups ?? []));
    token = out.NextToken;
    if (!token) return backups;
  }
  throw new Error('DescribeBackups did not finish within 100 pages');
}

interface RegionView {
  clusters: Cluster[];
  backups: Backup[];
  tags: Record<string, Tag[]>;
}

async function captureState(url: string, regions: readonly string[]): Promise<{ offsetSeconds: unknown; regions: Record<string, RegionView> }> {
  const view: Record<string, RegionView> = {};
  for (const region of regions) {
    const client = sdkClient(url, region);
    try {
      const clusters = await allClusters(client);
      const backups = await allBackups(client);
      const tags: Record<string, Tag[]> = {};
      for (const id of [...clusters.map((c) => c.ClusterId!), ...backups.map((b) => b.BackupId!)]) tags[id] = await listAllTags(client, id);
      view[region] = { clusters, backups, tags };
    } finally {
      client.destroy();
    }
  }
  const clock = await admin(url, 'clock');
  return { offsetSeconds: clock['offsetSeconds'], regions: view };
}

async function createCluster(client: CloudHSMV2Client, url: string, region: string, tags?: Tag[]): Promise<string> {
  const subnets = await seededSubnets(url, region);
  const out = await client.send(
    new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.slice(0, 2).map((s) => s.SubnetId), TagList: tags }),
  );
  return out.Cluster!.ClusterId!;
}

const fileLines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');

// ---- The tests ----

describe('persistence across a clean restart', () => {
  it('shows the same clusters, backups, tags, states, timestamps and clock offset after a restart', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const newRegion = 'ca-central-1';
    const regions = [...DEMO_REGIONS, newRegion];

    const first = await startTestEmulator({ seed: 'demo', dataFile });
    let before: Awaited<ReturnType<typeof captureState>>;
    let created: { east: string; ca: string; deleted: string; neverExpires: string; demoCluster: string };
    try {
      const east = sdkClient(first.url, 'us-east-1');
      const ca = sdkClient(first.url, newRegion);
      const eastCluster = await createCluster(east, first.url, 'us-east-1', [{ Key: 'Name', Value: 'persisted-east' }]);
      const caCluster = await createCluster(ca, first.url, newRegion);
      await east.send(new TagResourceCommand({ ResourceId: eastCluster, TagList: [{ Key: 'team', Value: 'durability' }, { Key: 'env', Value: 'test' }] }));
      await ca.send(new TagResourceCommand({ ResourceId: caCluster, TagList: [{ Key: 'region-note', Value: 'created in Canada' }] }));

      const demoClusters = await allClusters(east);
      const demoCluster = demoClusters.find((c) => c.ClusterId !== eastCluster && (c.TagList?.length ?? 0) > 0)!;
      const removedKey = demoCluster.TagList![0]!.Key!;
      await east.send(new UntagResourceCommand({ ResourceId: demoCluster.ClusterId!, TagKeyList: [removedKey] }));

      const ready = (await allBackups(east)).filter((b) => b.BackupState === 'READY');
      expect(ready.length).toBeGreaterThanOrEqual(2);
      const deleted = ready[0]!.BackupId!;
      const neverExpires = ready[1]!.BackupId!;
      await east.send(new DeleteBackupCommand({ BackupId: deleted }));
      await east.send(new ModifyBackupAttributesCommand({ BackupId: neverExpires, NeverExpires: true }));
      await east.send(new TagResourceCommand({ ResourceId: neverExpires, TagList: [{ Key: 'keep', Value: 'forever' }] }));
      // Past the 300 s of cluster creation: the new clusters become UNINITIALIZED.
      await advanceClock(first.url, 400);
      east.destroy();
      ca.destroy();
      created = { east: eastCluster, ca: caCluster, deleted, neverExpires, demoCluster: demoCluster.ClusterId! };
      before = await captureState(first.url, regions);
    } finally {
      await first.close();
    }

    // The changes are really in the captured state (so comparing it after the restart means something).
    expect(before.offsetSeconds).toBe(400);
    const eastBefore = before.regions['us-east-1']!;
    expect(eastBefore.clusters.find((c) => c.ClusterId === created.east)?.State).toBe('UNINITIALIZED');
    expect(before.regions[newRegion]!.clusters.map((c) => c.ClusterId)).toEqual([created.ca]);
    expect(eastBefore.tags[created.east]).toEqual([
      { Key: 'Name', Value: 'persisted-east' },
      { Key: 'team', Value: 'durability' },
      { Key: 'env', Value: 'test' },
    ]);
    const deletedBefore = eastBefore.backups.find((b) => b.BackupId === created.deleted)!;
    expect(deletedBefore.BackupState).toBe('PENDING_DELETION');
    expect(deletedBefore.DeleteTimestamp).toBeInstanceOf(Date);
    expect(eastBefore.backups.find((b) => b.BackupId === created.neverExpires)?.NeverExpires).toBe(true);
    expect(eastBefore.tags[created.neverExpires]).toContainEqual({ Key: 'keep', Value: 'forever' });

    // Restart on the same file with the empty seed: everything comes from the file.
    const logs: string[] = [];
    const second = await startTestEmulator({ seed: 'empty', dataFile, log: (m) => logs.push(m) });
    try {
      const after = await captureState(second.url, regions);
      expect(after).toEqual(before);
      expect(logs.join('\n')).toContain(`Loaded emulator state from ${dataFile}`);
    } finally {
      await second.close();
    }
  });
});

describe('kill -9 in the middle of a stream of writes', () => {
  /** Distinct tag keys the stream cycles through (a resource holds at most 50 tags). */
  const KEYS = 40;
  const keyOf = (seq: number): string => `k${seq % KEYS}`;
  const valueOf = (seq: number): string => `v${seq}`;

  /** Sequence numbers per key: the newest acknowledged and the newest sent (maybe applied, never acknowledged). */
  interface Ledger {
    next: number;
    acked: Map<string, number>;
    issued: Map<string, number>;
  }

  /**
   * Tags the cluster with k(seq % 40) = v(seq), one request at a time with every third step a burst of 4
   * concurrent requests (distinct keys, so each key's writes stay ordered). Calls `onFirstAck` once, stops
   * at the first failed request (the kill), after 15 s or 20,000 requests.
   */
  async function tagStream(client: CloudHSMV2Client, clusterId: string, ledger: Ledger, onFirstAck: () => void): Promise<{ acked: number; sent: number }> {
    let acked = 0;
    let sent = 0;
    let failed = false;
    const deadline = Date.now() + 15_000;
    const tagOne = async (seq: number): Promise<void> => {
      const key = keyOf(seq);
      ledger.issued.set(key, seq);
      sent++;
      try {
        await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: key, Value: valueOf(seq) }] }));
      } catch {
        failed = true;
        return;
      }
      ledger.acked.set(key, Math.max(ledger.acked.get(key) ?? -1, seq));
      if (acked++ === 0) onFirstAck();
    };
    for (let step = 0; !failed && Date.now() < deadline && sent < 20_000; step++) {
      const burst = step % 3 === 2 ? 4 : 1;
      const seqs = Array.from({ length: burst }, () => ledger.next++);
      await Promise.all(seqs.map(tagOne));
    }
    return { acked, sent };
  }

  /** Every acknowledged write is there (or a newer one sent to the same key); nothing unknown is. */
  async function expectLedger(url: string, clusterId: string, ledger: Ledger): Promise<void> {
    const client = sdkClient(url);
    try {
      const tags = await listAllTags(client, clusterId);
      const stored = new Map(tags.map((t) => [t.Key!, t.Value!]));
      expect(stored.size).toBe(tags.length);
      const problems: string[] = [];
      for (const [key, ackedSeq] of ledger.acked) {
        const value = stored.get(key);
        const seq = value === undefined ? NaN : Number(value.slice(1));
        if (value === undefined) problems.push(`${key}: missing, ${valueOf(ackedSeq)} was acknowledged`);
        else if (!(seq >= ackedSeq && seq <= ledger.issued.get(key)! && keyOf(seq) === key)) {
          problems.push(`${key}: ${value}, but ${valueOf(ackedSeq)} was acknowledged (newest sent ${valueOf(ledger.issued.get(key)!)})`);
        }
      }
      for (const key of stored.keys()) if (!ledger.issued.has(key)) problems.push(`${key}: never sent`);
      expect(problems).toEqual([]);
    } finally {
      client.destroy();
    }
  }

  it('keeps every acknowledged TagResource across three kills at different moments, and drops a torn last line', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const args = ['--data', dataFile, '--seed', 'empty'];
    const ledger: Ledger = { next: 0, acked: new Map(), issued: new Map() };
    let clusterId = '';
    const baseDelays = [40, 250, 700];

    for (const [round, base] of baseDelays.entries()) {
      const cli = runEmulatorCli(args);
      const url = await cli.ready;
      if (round === 0) {
        const client = sdkClient(url);
        clusterId = await createCluster(client, url, 'us-east-1');
        client.destroy();
      } else {
        // The restart after the previous kill.
        await expectLedger(url, clusterId, ledger);
      }
      const client = sdkClient(url);
      const delay = base + Math.floor(Math.random() * 100);
      let killedAt = 0;
      const stream = tagStream(client, clusterId, ledger, () => {
        setTimeout(() => {
          killedAt = Date.now();
          cli.process.kill('SIGKILL');
        }, delay);
      });
      const [result, exit] = await Promise.all([stream, cli.exited]);
      client.destroy();
      expect(exit.signal).toBe('SIGKILL');
      expect(killedAt).toBeGreaterThan(0);
      // The kill landed mid-stream: writes were acknowledged before it and the stream was cut by it.
      expect(result.acked).toBeGreaterThan(0);
      expect(result.sent).toBeGreaterThan(result.acked);
    }

    // A write torn by a crash: part of a record and no newline.
    const torn = '{"changes":[{"kind":"cluster","account":"123456789012","region":"us-east-1","id":"cluster-torn';
    appendFileSync(dataFile, torn);

    const cli = runEmulatorCli(args);
    const url = await cli.ready;
    await expectLedger(url, clusterId, ledger);
    expect(cli.stderr()).toContain(`Dropped an incomplete last record`);
    expect(cli.stderr()).toContain(dataFile);
    const exit = await stopCli(cli, 'SIGTERM');
    expect(exit.code).toBe(0);
    const text = readFileSync(dataFile, 'utf8');
    expect(text).not.toContain('cluster-torn');
    expect(text.endsWith('\n')).toBe(true);
  }, 90_000);
});

describe('a corrupt data file', () => {
  /** A valid data file with a few change lines after the snapshot. */
  async function validDataFile(): Promise<{ dir: string; dataFile: string; lines: string[] }> {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const running = await startTestEmulator({ seed: 'empty', dataFile });
    try {
      const client = sdkClient(running.url);
      const clusterId = await createCluster(client, running.url, 'us-east-1');
      for (let i = 0; i < 3; i++) await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: `k${i}`, Value: 'v' }] }));
      client.destroy();
    } finally {
      await running.close();
    }
    const lines = fileLines(dataFile);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    return { dir, dataFile, lines };
  }

  const cases: { name: string; damage: (lines: string[]) => string[]; detail: string }[] = [
    { name: 'garbage in the middle', damage: (l) => [...l.slice(0, 3), 'this is not json {{{', ...l.slice(3)], detail: 'line 4 is not valid JSON' },
    { name: 'a change line that is JSON but not a change record', damage: (l) => [...l.slice(0, 3), '{"snapshot":{}}', ...l.slice(3)], detail: 'line 4 is not a change record' },
    { name: 'a bad header', damage: (l) => ['{"format":"something-else","version":1}', ...l.slice(1)], detail: 'line 1 is not an emulator data file header' },
    { name: 'an unsupported version', damage: (l) => ['{"format":"cloudhsm-v2-emulator","version":99}', ...l.slice(1)], detail: 'unsupported version 99' },
  ];

  it.each(cases)('$name: the CLI exits non-zero naming the file, and the file is left byte-for-byte unchanged', async ({ damage, detail }) => {
    const { dir, dataFile, lines } = await validDataFile();
    writeFileSync(dataFile, `${damage(lines).join('\n')}\n`);
    const bytes = readFileSync(dataFile);
    const mtime = statSync(dataFile).mtimeMs;
    const entries = readdirSync(dir).sort();

    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'demo']);
    const outcome = await Promise.race([cli.exited, cli.ready.then(() => 'listening' as const, () => cli.exited)]);
    if (outcome === 'listening') {
      await stopCli(cli, 'SIGKILL');
      throw new Error('the emulator started on a corrupt data file');
    }
    expect(outcome.signal).toBeNull();
    expect(outcome.code).not.toBe(0);
    expect(cli.stderr()).toContain(dataFile);
    expect(cli.stderr()).toContain('corrupt');
    expect(cli.stderr()).toContain(detail);
    expect(cli.stdout()).not.toContain('listening');
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);
    expect(statSync(dataFile).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).sort()).toEqual(entries);
  });
});

describe('memory-only mode', () => {
  it('writes nothing without --data (the working directory and HOME stay empty)', async () => {
    const dir = tempDir();
    const cwd = join(dir, 'cwd');
    const home = join(dir, 'home');
    mkdirSync(cwd);
    mkdirSync(home);
    const cli = runEmulatorCli(['--seed', 'empty'], { cwd, env: { ...process.env, HOME: home } });
    const url = await cli.ready;
    expect(cli.stdout()).toContain('in memory');
    const client = sdkClient(url);
    const clusterId = await createCluster(client, url, 'us-east-1', [{ Key: 'Name', Value: 'ephemeral' }]);
    await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'a', Value: 'b' }] }));
    await advanceClock(url, 3600);
    expect((await listAllTags(client, clusterId)).length).toBe(2);
    client.destroy();
    const exit = await stopCli(cli, 'SIGTERM');
    expect(exit.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['cwd', 'home']);

    // And a new process starts empty: nothing was kept anywhere.
    const again = runEmulatorCli(['--seed', 'empty'], { cwd, env: { ...process.env, HOME: home } });
    const url2 = await again.ready;
    const client2 = sdkClient(url2);
    expect(await allClusters(client2)).toEqual([]);
    client2.destroy();
    await stopCli(again, 'SIGTERM');
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('compaction', () => {
  it(`rewrites the log after ${COMPACT_AFTER_LINES} changes, and the rewritten file loads to the same state`, async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const running = await startTestEmulator({ seed: 'empty', dataFile });
    const writes = COMPACT_AFTER_LINES + 30;
    let clusterId = '';
    let before: Awaited<ReturnType<typeof captureState>>;
    try {
      const client = sdkClient(running.url);
      clusterId = await createCluster(client, running.url, 'us-east-1');
      const inodeBefore = statSync(dataFile).ino;
      const linesBefore = fileLines(dataFile).length;
      // Many writes: straight into the emulator (each commits and appends a line as over HTTP), the last
      // ones over HTTP.
      for (let i = 0; i < writes - 10; i++) {
        await running.emulator.handle('TagResource', { ResourceId: clusterId, TagList: [{ Key: `k${i % 45}`, Value: `v${i}` }] }, { region: 'us-east-1' });
      }
      for (let i = writes - 10; i < writes; i++) {
        await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: `k${i % 45}`, Value: `v${i}` }] }));
      }
      client.destroy();
      const lines = fileLines(dataFile);
      // Rewritten (a new file renamed into place) with far fewer lines than writes: header, snapshot, the rest.
      expect(statSync(dataFile).ino).not.toBe(inodeBefore);
      expect(lines.length).toBeLessThan(writes);
      expect(lines.length).toBeLessThanOrEqual(2 + linesBefore + writes - COMPACT_AFTER_LINES);
      expect(JSON.parse(lines[0]!)).toEqual({ format: 'cloudhsm-v2-emulator', version: 1 });
      expect(Object.keys(JSON.parse(lines[1]!) as object)).toEqual(['snapshot']);
      before = await captureState(running.url, ['us-east-1']);
    } finally {
      await running.close();
    }
    const tags = before.regions['us-east-1']!.tags[clusterId]!;
    expect(tags).toHaveLength(45);
    expect(tags).toContainEqual({ Key: `k${(writes - 1) % 45}`, Value: `v${writes - 1}` });

    const again = await startTestEmulator({ seed: 'empty', dataFile });
    try {
      expect(await captureState(again.url, ['us-east-1'])).toEqual(before);
    } finally {
      await again.close();
    }
  });
});

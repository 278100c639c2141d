/**
 * The data file when the disk refuses writes or a crash tears its last record, with real processes: the emulator CLI under a file size limit
 * (RLIMIT_FSIZE, set with `prlimit`, no root needed) stands in for a full disk, since writes past the limit
 * fail with EFBIG as they would with ENOSPC (Node ignores SIGXFSZ, so the process lives on). "Space is
 * freed" is the limit lifted from outside (`prlimit --pid`), with no restart.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDashboardCli, runEmulatorCli, setFileSizeLimit, stopCli, type CliProcess } from '../../testing/cliProcess';
import { rawCall, seededSubnets, startTestEmulator } from '../../testing/harness';
import { useTempDirs } from '../../testing/persistence';

// Temporary folders removed (and the CLIs stopped) after the file's tests.
const tempDir = useTempDirs('emulator-diskfull-');

const REGION = { region: 'us-east-1' };
const INTERNAL_FAILURE = { status: 500, type: 'CloudHsmInternalFailureException' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Status and __type of one call: what a client sees. */
async function call(
  url: string,
  operation: string,
  body: unknown,
): Promise<{ status: number; type: unknown; body: Record<string, unknown> }> {
  const response = await rawCall(url, operation, body, REGION);
  return { status: response.status, type: response.body['__type'], body: response.body };
}

interface ClusterView {
  ClusterId: string;
  State: string;
  TagList?: { Key: string; Value: string }[];
}

async function clusters(url: string): Promise<ClusterView[]> {
  const answer = await call(url, 'DescribeClusters', {});
  expect(answer.status).toBe(200);
  return answer.body['Clusters'] as ClusterView[];
}

const stderrLines = (cli: CliProcess, text: string): string[] =>
  cli
    .stderr()
    .split('\n')
    .filter((line) => line.includes(text));

describe('a full disk (writes past a file size limit)', () => {
  it('refuses the write with a 500 and changes nothing; reads answer 200; the file gets no torn tail; writes work again once there is room', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    // speed 50: a cluster is created in 6 s, so its transition falls due while the disk is full.
    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'empty', '--speed', '50']);
    const url = await cli.ready;
    const subnetIds = (await seededSubnets(url)).slice(0, 2).map((s) => s.SubnetId);
    const created = await call(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds });
    expect(created.status).toBe(200);
    const id = (created.body['Cluster'] as ClusterView).ClusterId;
    expect((await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'k', Value: 'before' }] })).status).toBe(200);
    const before = await clusters(url);
    expect(before.map((c) => [c.ClusterId, c.State])).toEqual([[id, 'CREATE_IN_PROGRESS']]);

    // The disk fills up 40 bytes from here: the next record is cut short in the middle.
    const bytes = readFileSync(dataFile);
    setFileSizeLimit(cli.pid, bytes.length + 40);

    const tag = await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'k', Value: 'refused' }] });
    expect({ status: tag.status, type: tag.type }).toEqual(INTERNAL_FAILURE);
    expect(tag.body['message']).toMatch(/internal failure/);
    const create = await call(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds });
    expect({ status: create.status, type: create.type }).toEqual(INTERNAL_FAILURE);
    // Nothing of the refused writes is in memory, nor in the file (not even part of a line).
    expect(await clusters(url)).toEqual(before);
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);

    // The creation is done by now, but its transition cannot be written: reads show what is on disk.
    await sleep(6500);
    expect(await clusters(url)).toEqual(before);
    expect((await call(url, 'ListTags', { ResourceId: id })).status).toBe(200);
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);

    // Room again, no restart: writes work, the transition happens.
    setFileSizeLimit(cli.pid, 'unlimited');
    expect((await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'k', Value: 'after' }] })).status).toBe(200);
    const after = await clusters(url);
    expect(after.map((c) => [c.ClusterId, c.State, c.TagList])).toEqual([[id, 'UNINITIALIZED', [{ Key: 'k', Value: 'after' }]]]);
    // The new records follow the old ones on a clean line.
    expect(readFileSync(dataFile).subarray(0, bytes.length).equals(bytes)).toBe(true);

    // One log line for the failure (not one per request or tick), one for the recovery, no stack trace.
    expect(stderrLines(cli, 'could not write to')).toEqual([
      `emulator: could not write to ${dataFile}: file too large (the file size limit) (EFBIG). Changes are refused (500) until it can be written; reads go on.`,
    ]);
    expect(stderrLines(cli, 'again')).toEqual([`emulator: writing to ${dataFile} again`]);
    expect(cli.stderr()).not.toMatch(/\n\s+at /);

    // A crash now loses nothing that was acknowledged, and the file loads (it is not "corrupt").
    expect((await stopCli(cli, 'SIGKILL')).signal).toBe('SIGKILL');
    const again = runEmulatorCli(['--data', dataFile, '--seed', 'demo', '--speed', '50']);
    const url2 = await again.ready;
    expect(await clusters(url2)).toEqual(after);
    expect(again.stderr()).not.toContain('Dropped');
    expect((await stopCli(again, 'SIGTERM')).code).toBe(0);
  }, 60_000);

  it('with no room at all, then a little: reads stay 200, and a crash leaves no torn tail behind the refused writes', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    const url = await cli.ready;
    const subnetIds = (await seededSubnets(url)).slice(0, 2).map((s) => s.SubnetId);
    const id = ((await call(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds })).body['Cluster'] as ClusterView)
      .ClusterId;
    const before = await clusters(url);
    const bytes = readFileSync(dataFile);
    setFileSizeLimit(cli.pid, bytes.length);
    const refused = await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'k', Value: 'none' }] });
    expect({ status: refused.status, type: refused.type }).toEqual(INTERNAL_FAILURE);
    expect(await clusters(url)).toEqual(before);
    expect((await call(url, 'DescribeBackups', {})).status).toBe(200);
    // Room for part of a record: each refused append is cut off again before the next.
    setFileSizeLimit(cli.pid, bytes.length + 25);
    for (let i = 0; i < 3; i++) {
      expect((await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'k', Value: `v${i}` }] })).status).toBe(500);
      expect(await clusters(url)).toEqual(before);
    }
    await stopCli(cli, 'SIGKILL');
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);
    const again = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    const url2 = await again.ready;
    expect((await clusters(url2)).map((c) => [c.ClusterId, c.TagList ?? []])).toEqual([[id, []]]);
    await stopCli(again, 'SIGTERM');
  }, 60_000);
});

describe('a full disk under npm start (the embedded emulator)', () => {
  /** A CloudHSM call as the SPA makes it, through the dashboard server's /aws/<region> route. */
  async function viaDashboard(url: string, operation: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${url}/aws/us-east-1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `BaldrApiService.${operation}`,
        Authorization: `AWS4-HMAC-SHA256 Credential=local-dashboard/20260101/us-east-1/cloudhsm/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('refuses the write with a 500 CloudHsmInternalFailureException, reads stay 200, and writes work again once there is room', async () => {
    const home = tempDir();
    const dataFile = join(home, 'state.jsonl');
    const cli = runDashboardCli(['--data', dataFile, '--seed', 'demo'], { env: { ...process.env, HOME: home, NODE_NO_WARNINGS: '1' } });
    const url = await cli.ready;
    const before = await viaDashboard(url, 'DescribeClusters', {});
    expect(before.status).toBe(200);
    const id = (before.body['Clusters'] as ClusterView[])[0]!.ClusterId;
    const bytes = readFileSync(dataFile);
    setFileSizeLimit(cli.pid, bytes.length + 40);

    const refused = await viaDashboard(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'disk', Value: 'full' }] });
    expect({ status: refused.status, type: refused.body['__type'] }).toEqual(INTERNAL_FAILURE);
    expect(await viaDashboard(url, 'DescribeClusters', {})).toEqual(before);
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);

    setFileSizeLimit(cli.pid, 'unlimited');
    expect((await viaDashboard(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'disk', Value: 'room' }] })).status).toBe(200);
    expect(stderrLines(cli, 'could not write to')).toHaveLength(1);
    expect(cli.stderr()).not.toMatch(/\n\s+at /);
    expect((await stopCli(cli, 'SIGTERM')).code).toBe(0);
  }, 60_000);
});

describe('rewrites never truncate', () => {
  it('a start whose compaction the disk refuses leaves the file byte for byte as it was and appends to it once there is room', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    // A data file of about 650 KB (the demo seed, its certificates).
    const seeded = await startTestEmulator({ seed: 'demo', dataFile });
    await seeded.close();
    const bytes = readFileSync(dataFile);
    const mtime = statSync(dataFile).mtimeMs;

    // Room for half of it: the new file the start-time compaction writes cannot be finished.
    const limit = Math.floor(bytes.length / 2);
    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'empty'], { prefix: ['prlimit', `--fsize=${limit}:unlimited`] });
    const url = await cli.ready;
    expect(stderrLines(cli, 'could not rewrite')).toEqual([
      `emulator: could not rewrite ${dataFile} to compact it (file too large (the file size limit) (EFBIG)); it was left as it was and changes go on being appended to it`,
    ]);
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);
    expect(statSync(dataFile).mtimeMs).toBe(mtime);
    const demo = await clusters(url);
    expect(demo.length).toBeGreaterThan(0);
    // The file is already past the limit: writes are refused, and change nothing.
    const id = demo[0]!.ClusterId;
    const refused = await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'disk', Value: 'full' }] });
    expect({ status: refused.status, type: refused.type }).toEqual(INTERNAL_FAILURE);
    expect(await clusters(url)).toEqual(demo);
    expect(readFileSync(dataFile).equals(bytes)).toBe(true);

    setFileSizeLimit(cli.pid, 'unlimited');
    expect((await call(url, 'TagResource', { ResourceId: id, TagList: [{ Key: 'disk', Value: 'room' }] })).status).toBe(200);
    const appended = readFileSync(dataFile);
    expect(appended.subarray(0, bytes.length).equals(bytes)).toBe(true);
    expect(appended.subarray(bytes.length).toString('utf8')).toMatch(/^\{"changes":.*"room".*\}\n$/);
    expect((await stopCli(cli, 'SIGTERM')).code).toBe(0);
    // No temp file left beside it, and the lock is gone with the process.
    expect(readdirSync(dir)).toEqual(['state.jsonl']);

    const again = runEmulatorCli(['--data', dataFile, '--seed', 'empty']);
    const url2 = await again.ready;
    const reloaded = await clusters(url2);
    expect(reloaded.find((c) => c.ClusterId === id)?.TagList).toContainEqual({ Key: 'disk', Value: 'room' });
    expect(reloaded.length).toBe(demo.length);
    await stopCli(again, 'SIGTERM');
  }, 90_000);
});

describe('a torn last record', () => {
  /** A data file with a cluster and three tag commits, written by the emulator; its lines. */
  async function dataFileWithChanges(): Promise<{ dataFile: string; bytes: Buffer; lines: string[] }> {
    const dataFile = join(tempDir(), 'state.jsonl');
    const running = await startTestEmulator({ seed: 'empty', dataFile });
    try {
      const subnetIds = (await seededSubnets(running.url)).slice(0, 2).map((s) => s.SubnetId);
      const id = (
        (await call(running.url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds })).body['Cluster'] as ClusterView
      ).ClusterId;
      for (let i = 0; i < 3; i++) await call(running.url, 'TagResource', { ResourceId: id, TagList: [{ Key: `k${i}`, Value: 'v' }] });
    } finally {
      await running.close();
    }
    const bytes = readFileSync(dataFile);
    return { dataFile, bytes, lines: bytes.toString('utf8').split('\n').slice(0, -1) };
  }

  /** What a crash can leave of an append: its newline on disk, its first block not (zeros). */
  const tornRecord = (line: string): Buffer =>
    Buffer.concat([Buffer.alloc(Math.floor(line.length / 2)), Buffer.from(`${line.slice(line.length / 2)}\n`)]);

  it('a last line that does not parse, even with its newline, is dropped with one log line and the start goes on; nothing of it stays in the file', async () => {
    const { dataFile, bytes, lines } = await dataFileWithChanges();
    const torn = tornRecord(lines.at(-1)!.replace('"k2"', '"k3"'));
    writeFileSync(dataFile, Buffer.concat([bytes, torn]));

    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'demo']);
    const url = await cli.ready;
    expect(stderrLines(cli, 'Dropped')).toEqual([
      `emulator: Dropped an incomplete last record (${torn.length} bytes) from ${dataFile}, left by an interrupted write.`,
    ]);
    expect((await clusters(url))[0]!.TagList?.map((t) => t.Key)).toEqual(['k0', 'k1', 'k2']);
    expect((await stopCli(cli, 'SIGTERM')).code).toBe(0);
    expect(readFileSync(dataFile, 'utf8')).not.toContain('"k3"');
    const again = runEmulatorCli(['--data', dataFile, '--seed', 'demo']);
    await again.ready;
    expect(again.stderr()).not.toContain('Dropped');
    await stopCli(again, 'SIGTERM');
  }, 60_000);

  it('the same damage before the last record is corruption: exit 1, the file left alone', async () => {
    const { dataFile, bytes, lines } = await dataFileWithChanges();
    const damaged = Buffer.concat([
      bytes.subarray(0, bytes.length - Buffer.byteLength(lines.at(-1)!) - 1),
      tornRecord(lines.at(-1)!),
      Buffer.from(`${lines.at(-1)!}\n`),
    ]);
    writeFileSync(dataFile, damaged);
    const cli = runEmulatorCli(['--data', dataFile, '--seed', 'demo']);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toBe(
      `emulator: The emulator data file ${dataFile} is corrupt (line ${lines.length} is not valid JSON). It was left untouched: move it away or start with another --data file.\n`,
    );
    expect(readFileSync(dataFile).equals(damaged)).toBe(true);
  }, 60_000);
});

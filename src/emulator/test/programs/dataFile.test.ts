/**
 * The emulator's --data file: a corrupt file stops the CLI (and is never replaced), memory-only mode writes
 * nothing, and the log gets compacted.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TagResourceCommand } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { allClusters } from '../../testing/api';
import { COMPACT_AFTER_LINES } from '../../node/persistence';
import { runEmulatorCli, stopCli } from '../../testing/cliProcess';
import { advanceClock, sdkClient, startTestEmulator } from '../../testing/harness';
import { listAllTags } from '../../testing/api';
import { captureState, createClusterIn as createCluster, fileLines, useTempDirs } from '../../testing/persistence';

const tempDir = useTempDirs('emulator-persistence-');

describe('a corrupt data file', () => {
  /** A valid data file with a few change lines after the snapshot. */
  async function validDataFile(): Promise<{ dir: string; dataFile: string; lines: string[] }> {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const running = await startTestEmulator({ seed: 'empty', dataFile });
    try {
      const client = sdkClient(running.url);
      const clusterId = await createCluster(client, running.url, 'us-east-1');
      for (let i = 0; i < 3; i++)
        await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: `k${i}`, Value: 'v' }] }));
      client.destroy();
    } finally {
      await running.close();
    }
    const lines = fileLines(dataFile);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    return { dir, dataFile, lines };
  }

  const cases: { name: string; damage: (lines: string[]) => string[]; detail: string }[] = [
    {
      name: 'garbage in the middle',
      damage: (l) => [...l.slice(0, 3), 'this is not json {{{', ...l.slice(3)],
      detail: 'line 4 is not valid JSON',
    },
    {
      name: 'a change line that is JSON but not a change record',
      damage: (l) => [...l.slice(0, 3), '{"snapshot":{}}', ...l.slice(3)],
      detail: 'line 4 is not a change record',
    },
    {
      name: 'a bad header',
      damage: (l) => ['{"format":"something-else","version":1}', ...l.slice(1)],
      detail: 'line 1 is not an emulator data file header',
    },
    {
      name: 'an unsupported version',
      damage: (l) => ['{"format":"cloudhsm-v2-emulator","version":99}', ...l.slice(1)],
      detail: 'unsupported version 99',
    },
  ];

  it.each(cases)(
    '$name: the CLI exits non-zero naming the file, and the file is left byte-for-byte unchanged',
    async ({ damage, detail }) => {
      const { dir, dataFile, lines } = await validDataFile();
      writeFileSync(dataFile, `${damage(lines).join('\n')}\n`);
      const bytes = readFileSync(dataFile);
      const mtime = statSync(dataFile).mtimeMs;
      const entries = readdirSync(dir).sort();

      const cli = runEmulatorCli(['--data', dataFile, '--seed', 'demo']);
      const outcome = await Promise.race([
        cli.exited,
        cli.ready.then(
          () => 'listening' as const,
          () => cli.exited,
        ),
      ]);
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
    },
  );
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
        await running.emulator.handle(
          'TagResource',
          { ResourceId: clusterId, TagList: [{ Key: `k${i % 45}`, Value: `v${i}` }] },
          { region: 'us-east-1' },
        );
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

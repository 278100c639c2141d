/**
 * `npm run emulator` as a user runs it (a child process): memory is its default and --in-memory says so,
 * --in-memory refuses a data file, and --fresh starts a data file over keeping the old one beside it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { moveAsideForFresh } from '../../node/state';
import { runEmulatorCli, stopCli } from '../../testing/cliProcess';
import { sdkClient } from '../../testing/harness';
import { useTempDirs } from '../../testing/persistence';

// Temporary folders removed (and the CLIs stopped) after the file's tests.
const tempDir = useTempDirs('emulator-cli-');

describe('npm run emulator flags', () => {
  it('--in-memory starts with no data file, as without it', async () => {
    const cwd = tempDir();
    const cli = runEmulatorCli(['--in-memory', '--seed', 'empty'], { cwd });
    const url = await cli.ready;
    expect(cli.stdout()).toMatch(/seed empty, speed 1, in memory\)/);
    expect((await sdkClient(url).send(new DescribeClustersCommand({}))).Clusters).toEqual([]);
    expect((await stopCli(cli, 'SIGTERM')).code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses --in-memory with --data (exit 2, the reason and the usage), and a bad flag value the same way', async () => {
    const dir = tempDir();
    const refused = runEmulatorCli(['--in-memory', '--data', join(dir, 'state.jsonl')]);
    expect((await refused.exited).code).toBe(2);
    expect(refused.stderr()).toMatch(/^emulator: --in-memory keeps no data file: leave out --data and --fresh\n\nUsage: npm run emulator/);
    expect(readdirSync(dir)).toEqual([]);
    const badAccount = runEmulatorCli(['--account', '12']);
    expect((await badAccount.exited).code).toBe(2);
    expect(badAccount.stderr()).toMatch(/--account must be 12 digits, got "12"/);
  });

  it('--fresh moves the data file aside and starts from the seed', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const first = runEmulatorCli(['--data', dataFile, '--seed', 'demo']);
    await first.ready;
    await stopCli(first, 'SIGTERM');
    const before = readFileSync(dataFile, 'utf8');

    const fresh = runEmulatorCli(['--data', dataFile, '--seed', 'empty', '--fresh']);
    const url = await fresh.ready;
    expect(fresh.stderr()).toMatch(/--fresh: moved the previous emulator state to .*state\.jsonl\..*\.bak/);
    expect((await sdkClient(url).send(new DescribeClustersCommand({}))).Clusters).toEqual([]);
    await stopCli(fresh, 'SIGTERM');
    const kept = readdirSync(dir).filter((name) => name.endsWith('.bak'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe(before);
  });
});

describe('moveAsideForFresh', () => {
  it('renames the file to a timestamped .bak beside it, never overwriting an earlier one', () => {
    const dir = tempDir();
    const file = join(dir, 'emulator.jsonl');
    const now = new Date('2026-03-04T05:06:07.089Z');
    writeFileSync(file, 'one');
    const first = moveAsideForFresh(file, now);
    expect(first).toBe(join(dir, 'emulator.jsonl.2026-03-04T05-06-07-089Z.bak'));
    writeFileSync(file, 'two');
    const second = moveAsideForFresh(file, now);
    expect(second).toBe(join(dir, 'emulator.jsonl.2026-03-04T05-06-07-089Z-2.bak'));
    expect(readFileSync(first!, 'utf8')).toBe('one');
    expect(readFileSync(second!, 'utf8')).toBe('two');
    expect(existsSync(file)).toBe(false);
    expect(moveAsideForFresh(file, now)).toBeNull();
  });
});

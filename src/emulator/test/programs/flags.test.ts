/**
 * The emulator's flags (node/flags.ts), as both programs read them, and `npm run emulator`'s own (node/args.ts).
 * src/server/args.test.ts checks that `npm start` reads the shared ones the same way.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../node/flags';
import { parseEmulatorArgs } from '../../node/args';
import { readEmulatorFlags } from '../../node/flags';
import { rawCall, startTestEmulator } from '../../testing/harness';

const IN_MEMORY = { speed: 1 };
const WITH_FILE = { speed: 60, dataFile: '/data/emulator.jsonl' };

describe('readEmulatorFlags', () => {
  it('gives each program its defaults', () => {
    expect(readEmulatorFlags({}, IN_MEMORY)).toEqual({ seed: 'demo', speed: 1 });
    expect(readEmulatorFlags({}, WITH_FILE)).toEqual({ seed: 'demo', speed: 60, dataFile: '/data/emulator.jsonl', fresh: false });
  });

  it('--in-memory means no data file, whatever the default, and is refused with --data or --fresh', () => {
    expect(readEmulatorFlags({ 'in-memory': true }, IN_MEMORY)).toEqual({ seed: 'demo', speed: 1 });
    expect(readEmulatorFlags({ 'in-memory': true }, WITH_FILE)).toEqual({ seed: 'demo', speed: 60 });
    for (const defaults of [IN_MEMORY, WITH_FILE]) {
      expect(() => readEmulatorFlags({ 'in-memory': true, data: 'x' }, defaults)).toThrow(
        '--in-memory keeps no data file: leave out --data and --fresh',
      );
      expect(() => readEmulatorFlags({ 'in-memory': true, fresh: true }, defaults)).toThrow(UsageError);
    }
  });

  it('--quota takes clusters=N and hsms=N, either or both, positive whole numbers, each once', () => {
    expect(readEmulatorFlags({ quota: 'clusters=10,hsms=30' }, IN_MEMORY).quotas).toEqual({ clusters: 10, hsms: 30 });
    expect(readEmulatorFlags({ quota: 'hsms=12' }, IN_MEMORY).quotas).toEqual({ hsms: 12 });
    expect(readEmulatorFlags({ quota: 'clusters=5' }, IN_MEMORY).quotas).toEqual({ clusters: 5 });
    expect(readEmulatorFlags({}, IN_MEMORY).quotas).toBeUndefined();
    expect(() => readEmulatorFlags({ quota: 'clusters=0' }, IN_MEMORY)).toThrow(
      '--quota clusters must be a positive whole number, got "0"',
    );
    expect(() => readEmulatorFlags({ quota: 'hsms=2.5' }, IN_MEMORY)).toThrow('--quota hsms must be a positive whole number, got "2.5"');
    expect(() => readEmulatorFlags({ quota: 'hsms' }, IN_MEMORY)).toThrow('--quota hsms must be a positive whole number, got ""');
    expect(() => readEmulatorFlags({ quota: 'backups=3' }, IN_MEMORY)).toThrow(
      '--quota takes clusters=N and hsms=N, separated by a comma, got "backups=3"',
    );
    expect(() => readEmulatorFlags({ quota: 'clusters=3,clusters=4' }, IN_MEMORY)).toThrow('--quota names clusters twice');
    expect(() => readEmulatorFlags({ quota: '' }, IN_MEMORY)).toThrow(UsageError);
    expect(parseEmulatorArgs(['--quota', 'clusters=8'])?.quotas).toEqual({ clusters: 8 });
  });

  it('--data names the file, --fresh needs one', () => {
    expect(readEmulatorFlags({ data: 'state.jsonl', fresh: true }, IN_MEMORY)).toMatchObject({ dataFile: 'state.jsonl', fresh: true });
    expect(readEmulatorFlags({ fresh: true }, WITH_FILE)).toMatchObject({ dataFile: '/data/emulator.jsonl', fresh: true });
    expect(() => readEmulatorFlags({ fresh: true }, IN_MEMORY)).toThrow('--fresh starts a data file over: name it with --data FILE');
    expect(() => readEmulatorFlags({ data: '' }, IN_MEMORY)).toThrow('--data needs a file name');
  });

  it('checks the seed, speed, account and large-seed sizes the same way for both', () => {
    const settings = readEmulatorFlags(
      { seed: 'large', speed: '2.5', account: '210987654321', 'principal-name': 'ci-bot', 'large-clusters': '5', 'large-backups': '0' },
      IN_MEMORY,
    );
    expect(settings).toEqual({
      seed: 'large',
      speed: 2.5,
      account: '210987654321',
      principalName: 'ci-bot',
      large: { clusters: 5, backups: 0 },
    });
    const refused: [Record<string, string>, RegExp][] = [
      [{ seed: 'big' }, /--seed must be demo, empty or large, got "big"/],
      [{ speed: '0' }, /--speed must be a positive number/],
      [{ account: '1234' }, /--account must be 12 digits, got "1234"/],
      [{ 'principal-name': 'role/admin' }, /--principal-name must be an IAM user name .* got "role\/admin"/],
      [{ 'large-clusters': '-1' }, /--large-clusters must be a whole number/],
      [{ 'large-backups': 'lots' }, /--large-backups must be a whole number/],
      [{ latency: '-80' }, /--latency must be a whole number/],
      [{ latency: 'slow' }, /--latency must be a whole number/],
    ];
    for (const [values, message] of refused) {
      for (const defaults of [IN_MEMORY, WITH_FILE]) expect(() => readEmulatorFlags(values, defaults)).toThrow(message);
    }
  });
});

describe('--latency', () => {
  it('is read as whole milliseconds, absent by default', () => {
    expect(readEmulatorFlags({ latency: '80' }, IN_MEMORY)).toEqual({ seed: 'demo', speed: 1, latencyMs: 80 });
    expect(readEmulatorFlags({}, IN_MEMORY)).not.toHaveProperty('latencyMs');
  });

  it('makes every API answer wait at least that long, as a round trip to a region would', async () => {
    const running = await startTestEmulator({ latencyMs: 300 });
    try {
      const started = performance.now();
      const answer = await rawCall(running.url, 'DescribeClusters', {});
      // A lower bound only: a slow machine can make it longer, never shorter.
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(answer.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('npm run emulator flags', () => {
  it('defaults: port 4566 on loopback, demo seed, speed 1, in memory', () => {
    expect(parseEmulatorArgs([])).toEqual({ port: 4566, host: '127.0.0.1', seed: 'demo', speed: 1 });
    expect(parseEmulatorArgs(['-h'])).toBeNull();
    expect(parseEmulatorArgs(['--help'])).toBeNull();
  });

  it('takes --in-memory (its default) and --credentials, repeatable, each key with its account', () => {
    expect(parseEmulatorArgs(['--in-memory', '--port', '0'])).toEqual({ port: 0, host: '127.0.0.1', seed: 'demo', speed: 1 });
    expect(parseEmulatorArgs(['--credentials', 'AKID:secret'])?.credentials).toEqual([{ accessKeyId: 'AKID', secretAccessKey: 'secret' }]);
    expect(parseEmulatorArgs(['--credentials', 'AKIDA:a', '--credentials', 'AKIDB:b:210987654321'])?.credentials).toEqual([
      { accessKeyId: 'AKIDA', secretAccessKey: 'a' },
      { accessKeyId: 'AKIDB', secretAccessKey: 'b', account: '210987654321' },
    ]);
    expect(() => parseEmulatorArgs(['--credentials', 'AKID:se:cret'])).toThrow(
      '--credentials AKID: the account must be 12 digits, got "cret"',
    );
    expect(() => parseEmulatorArgs(['--credentials', 'AKID:a', '--credentials', 'AKID:b'])).toThrow('--credentials names AKID twice');
    for (const argv of [
      ['--credentials', 'AKID'],
      ['--credentials', ':x'],
      ['--credentials', 'AKID:x:'],
      ['--credentials', 'AKID:x:123456789012:more'],
      ['--read-only'],
      ['--aws'],
      ['--host', ''],
      ['--port', '65536'],
    ]) {
      expect(() => parseEmulatorArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});

/** `--latency MS`: the embedded emulator answers as if it were a round trip away (for benchmarks). */
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../node/flags';
import { parseDashboardArgs } from './args';
import { awsCall, startTestServer, type TestServer } from './testing';

let running: TestServer | undefined;
afterEach(async () => {
  await running?.server.close();
  running = undefined;
});

describe('--latency', () => {
  it('is an emulator flag: npm start takes it, and refuses it with --aws', () => {
    const env = { HOME: '/home/someone' };
    expect(parseDashboardArgs(['--latency', '80', '--in-memory'], env)).toMatchObject({ options: { mode: 'emulator', latencyMs: 80 } });
    expect(() => parseDashboardArgs(['--aws', '--latency', '80'], env)).toThrow(UsageError);
    expect(() => parseDashboardArgs(['--latency=-1'], env)).toThrow(/--latency must be a whole number/);
  });

  it('makes every /aws answer of the embedded emulator wait at least that long', async () => {
    running = await startTestServer({ latencyMs: 300 });
    const started = performance.now();
    const answer = await awsCall(running.url, 'us-east-1', 'DescribeClusters');
    // A lower bound only: a slow machine can make it longer, never shorter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
  });
});

/**
 * Durability of the emulator's --data file: a kill -9 in the middle of a stream of writes loses no acknowledged
 * change, and a torn last line is dropped.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TagResourceCommand, type CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { runEmulatorCli, stopCli } from '../../testing/cliProcess';
import { sdkClient } from '../../testing/harness';
import { listAllTags } from '../../testing/api';
import { createClusterIn as createCluster, useTempDirs } from '../../testing/persistence';

const tempDir = useTempDirs('emulator-persistence-');

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
async function tagStream(
  client: CloudHSMV2Client,
  clusterId: string,
  ledger: Ledger,
  onFirstAck: () => void,
): Promise<{ acked: number; sent: number }> {
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

describe('kill -9 in the middle of a stream of writes', () => {
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

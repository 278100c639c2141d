/**
 * Durable emulator state in one file: a JSON-lines append log.
 *
 *   line 1: {"format":"cloudhsm-v2-emulator","version":1}
 *   line 2: {"snapshot":{...}}        full state when the file was (re)written
 *   then:   {"changes":[...]}         one line per commit: the changed records' new values
 *
 * Each commit is appended and fsynced before the emulator answers, so nothing acknowledged is lost to a
 * crash or kill -9. A torn last line (a write cut short; never acknowledged) is dropped on load. Anything
 * else that does not parse is corruption: loading fails with the file name and line, and the file is left
 * as it is. The log is compacted (snapshot rewritten atomically: temp file, fsync, rename) when it grows.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Change, RecordKind, Snapshot, Store } from '../store';

const HEADER = { format: 'cloudhsm-v2-emulator', version: 1 } as const;
/** Change lines after which the log is rewritten as a fresh snapshot. */
export const COMPACT_AFTER_LINES = 5000;

export class CorruptDataFileError extends Error {
  constructor(path: string, detail: string) {
    super(`The emulator data file ${path} is corrupt (${detail}). It was left untouched: move it away or start with another --data file.`);
    this.name = 'CorruptDataFileError';
  }
}

interface LoadResult {
  snapshot: Snapshot;
  changes: Change[][];
  /** Bytes of complete lines; anything after is a torn write. */
  validLength: number;
  tornBytes: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasStrings = (v: Record<string, unknown>, ...keys: string[]): boolean => keys.every((k) => typeof v[k] === 'string');

/** Enough of each record's shape that a loaded state cannot break the emulator later. */
const RECORD_CHECKS: Record<RecordKind, (v: Record<string, unknown>) => boolean> = {
  cluster: (v) =>
    hasStrings(v, 'ClusterId', 'HsmType', 'State', 'VpcId') &&
    typeof v['CreateTimestamp'] === 'number' &&
    Array.isArray(v['Hsms']) &&
    v['Hsms'].every((h) => isObject(h) && hasStrings(h, 'HsmId', 'State', 'SubnetId', 'AvailabilityZone')) &&
    Array.isArray(v['Tags']) &&
    isObject(v['SubnetMapping']) &&
    isObject(v['Certificates']) &&
    typeof v['RetentionDays'] === 'number',
  backup: (v) =>
    hasStrings(v, 'BackupId', 'ClusterId', 'BackupState', 'HsmType', 'Mode') &&
    typeof v['CreateTimestamp'] === 'number' &&
    typeof v['NeverExpires'] === 'boolean' &&
    Array.isArray(v['Tags']),
  vpc: (v) => hasStrings(v, 'VpcId', 'CidrBlock'),
  subnet: (v) => hasStrings(v, 'SubnetId', 'VpcId', 'AvailabilityZone', 'CidrBlock'),
};

function checkSnapshot(value: unknown): string | null {
  if (!isObject(value) || typeof value['clockOffsetSeconds'] !== 'number' || !Array.isArray(value['regions'])) return 'not a snapshot';
  for (const region of value['regions'] as unknown[]) {
    if (!isObject(region) || !hasStrings(region, 'account', 'region')) return 'a region entry is malformed';
    const lists: [string, RecordKind][] = [['clusters', 'cluster'], ['backups', 'backup'], ['vpcs', 'vpc'], ['subnets', 'subnet']];
    for (const [list, kind] of lists) {
      const records = region[list];
      if (!Array.isArray(records)) return `${list} of ${String(region['region'])} is not a list`;
      const bad = records.find((r) => !isObject(r) || !RECORD_CHECKS[kind](r));
      if (bad !== undefined) return `a ${kind} record of ${String(region['region'])} is malformed`;
    }
  }
  return null;
}

function checkChange(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value['kind'] === 'clock') return typeof value['offsetSeconds'] === 'number';
  const kind = value['kind'];
  if (kind !== 'cluster' && kind !== 'backup' && kind !== 'vpc' && kind !== 'subnet') return false;
  if (!hasStrings(value, 'account', 'region', 'id')) return false;
  return value['value'] === null || (isObject(value['value']) && RECORD_CHECKS[kind](value['value']));
}

export function readDataFile(path: string): LoadResult {
  const buffer = readFileSync(path);
  const lastNewline = buffer.lastIndexOf(0x0a);
  const validLength = lastNewline + 1;
  const lines = buffer.subarray(0, validLength).toString('utf8').split('\n');
  lines.pop(); // the empty string after the final newline
  if (lines.length < 2) throw new CorruptDataFileError(path, 'it has no header and snapshot');
  const parse = (index: number): unknown => {
    try {
      return JSON.parse(lines[index]!);
    } catch {
      throw new CorruptDataFileError(path, `line ${index + 1} is not valid JSON`);
    }
  };
  const header = parse(0) as { format?: unknown; version?: unknown } | null;
  if (!header || header.format !== HEADER.format) throw new CorruptDataFileError(path, 'line 1 is not an emulator data file header');
  if (header.version !== HEADER.version) throw new CorruptDataFileError(path, `unsupported version ${String(header.version)}`);
  const snapshotLine = parse(1) as { snapshot?: unknown } | null;
  const snapshotProblem = snapshotLine ? checkSnapshot(snapshotLine.snapshot) : 'not a snapshot';
  if (snapshotProblem) throw new CorruptDataFileError(path, `line 2: ${snapshotProblem}`);
  const changes: Change[][] = [];
  for (let i = 2; i < lines.length; i++) {
    const line = parse(i) as { changes?: unknown } | null;
    if (!line || !Array.isArray(line.changes) || !line.changes.every(checkChange)) {
      throw new CorruptDataFileError(path, `line ${i + 1} is not a change record`);
    }
    changes.push(line.changes as Change[]);
  }
  return { snapshot: snapshotLine!.snapshot as Snapshot, changes, validLength, tornBytes: buffer.length - validLength };
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // Make the rename itself durable.
  try {
    const dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

export class DataFile {
  private fd: number | null = null;
  private linesSinceSnapshot = 0;

  constructor(
    readonly path: string,
    private readonly store: Store,
  ) {}

  /**
   * Loads the file into the store when it exists (returns true), or returns false for a new file.
   * Throws CorruptDataFileError for a damaged file.
   */
  load(onWarning: (message: string) => void = () => {}): boolean {
    if (!existsSync(this.path)) return false;
    const result = readDataFile(this.path);
    if (result.tornBytes > 0) {
      // An interrupted append: it was never acknowledged, so dropping it loses nothing.
      onWarning(`Dropped an incomplete last record (${result.tornBytes} bytes) from ${this.path}, left by an interrupted write.`);
      truncateSync(this.path, result.validLength);
    }
    this.store.load(result.snapshot);
    for (const changes of result.changes) this.store.apply(changes);
    this.store.drain();
    this.linesSinceSnapshot = result.changes.length;
    return true;
  }

  /** Writes the whole state as a fresh file (atomically) and opens it for appending. */
  rewrite(): void {
    this.close();
    this.store.drain();
    const text = `${JSON.stringify(HEADER)}\n${JSON.stringify({ snapshot: this.store.snapshot() })}\n`;
    writeAtomically(this.path, text);
    this.linesSinceSnapshot = 0;
    this.open();
  }

  private open(): void {
    this.fd ??= openSync(this.path, 'a', 0o600);
  }

  /** Appends one commit and fsyncs it; returns once it is durable. */
  append(changes: Change[]): void {
    if (changes.length === 0) return;
    this.open();
    writeSync(this.fd!, `${JSON.stringify({ changes })}\n`);
    fsyncSync(this.fd!);
    this.linesSinceSnapshot++;
    if (this.linesSinceSnapshot >= COMPACT_AFTER_LINES) this.rewrite();
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}

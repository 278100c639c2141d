/**
 * Durable emulator state in one file: a JSON-lines append log.
 *
 *   line 1: {"format":"cloudhsm-v2-emulator","version":1}
 *   line 2: {"snapshot":{...}}        full state when the file was (re)written
 *   then:   {"changes":[...]}         one line per commit: the changed records' new values
 *
 * The promises are SQLite's and PostgreSQL's: what was acknowledged survives, a torn tail is not damage.
 * - Each commit is appended and fsynced before the emulator answers, so nothing acknowledged is lost to a
 *   crash or kill -9. An append the disk refuses (full, size limit, I/O error) is cut off again (ftruncate
 *   to the last complete record) and the request fails; the next append starts on a clean line.
 * - A torn last record (an append a crash or a full disk cut short; never acknowledged: no newline, or a
 *   last change line that does not parse) is dropped on load, and the file truncated to the last complete
 *   record. Damage before the last record is corruption: loading fails with the file name and line, and
 *   the file is left as it is.
 * - A rewrite (compaction on start and after COMPACT_AFTER_LINES, re-seed) writes a new file beside the old
 *   one, fsyncs it, renames it over the old one and fsyncs the folder. If a step before the rename fails,
 *   the old file stays as it was and appends go on to it.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { EmulatorError } from '../errors';
import type { Change, RecordKind, Snapshot, Store } from '../store';
import { DataFileError, fsReason, type DataFileLock } from './dataFileLock';

const HEADER = { format: 'cloudhsm-v2-emulator', version: 1 } as const;
/** Change lines after which the log is rewritten as a fresh snapshot. */
export const COMPACT_AFTER_LINES = 5000;
/** After a failed compaction, change lines before the next try (each try writes the whole state). */
const COMPACT_RETRY_LINES = 1000;

export class CorruptDataFileError extends DataFileError {
  constructor(path: string, detail: string) {
    super(`The emulator data file ${path} is corrupt (${detail}). It was left untouched: move it away or start with another --data file.`);
    this.name = 'CorruptDataFileError';
  }
}

/** A change the data file refused: the client sees the service's retryable internal failure (500). */
export class DataFileWriteError extends EmulatorError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      'CloudHsmInternalFailureException',
      'The request was rejected because of an AWS CloudHSM internal failure. The request can be retried.',
    );
  }
}

type ChangeLine = { changes?: unknown };

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
    const lists: [string, RecordKind][] = [
      ['clusters', 'cluster'],
      ['backups', 'backup'],
      ['vpcs', 'vpc'],
      ['subnets', 'subnet'],
    ];
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
  let validLength = lastNewline + 1;
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
    let line: ChangeLine | null = null;
    let json = true;
    try {
      line = JSON.parse(lines[i]!) as ChangeLine | null;
    } catch {
      json = false;
    }
    if (!line || !Array.isArray(line.changes) || !line.changes.every(checkChange)) {
      // The last change line can only be the append a crash cut short (its newline may have reached the
      // disk before the rest): never acknowledged, so a torn tail. Damage before it is corruption.
      if (i === lines.length - 1) {
        validLength = buffer.lastIndexOf(0x0a, validLength - 2) + 1;
        break;
      }
      throw new CorruptDataFileError(path, json ? `line ${i + 1} is not a change record` : `line ${i + 1} is not valid JSON`);
    }
    changes.push(line.changes as Change[]);
  }
  return { snapshot: snapshotLine!.snapshot as Snapshot, changes, validLength, tornBytes: buffer.length - validLength };
}

/** writeSync may write less than asked (a size limit, a nearly full disk): write the rest, or throw. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length;) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    offset += written;
  }
}

/** Makes a rename in `folder` durable; platforms that cannot fsync a folder (Windows) skip it. */
function fsyncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    closeSync(fd);
  }
}

/** O_APPEND: after a failed write is cut off, the next one still lands at the end. */
const APPEND_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND;

export interface DataFileOptions {
  log?: (message: string) => void;
  /** Released by close(). */
  lock?: DataFileLock;
}

export class DataFile {
  private fd: number | null = null;
  /** Bytes of complete records; more is the rest of a refused append, to cut off before the next one. */
  private length = 0;
  private trimPending = false;
  private linesSinceSnapshot = 0;
  private compactAt = COMPACT_AFTER_LINES;
  /** Why the last write failed (logged once, not per request), or null. */
  private failing: string | null = null;
  private readonly log: (message: string) => void;

  constructor(
    readonly path: string,
    private readonly store: Store,
    private readonly options: DataFileOptions = {},
  ) {
    this.log = options.log ?? (() => {});
  }

  /**
   * Loads the file into the store when it exists (returns true), or returns false for a new file. Throws
   * CorruptDataFileError for a damaged file, DataFileError when it cannot be read or its torn tail cut off.
   */
  load(): boolean {
    let result: LoadResult;
    try {
      result = readDataFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      if (error instanceof DataFileError) throw error;
      throw new DataFileError(`cannot read the data file ${this.path}: ${fsReason(error)}`);
    }
    if (result.tornBytes > 0) {
      // An interrupted append: it was never acknowledged, so dropping it loses nothing.
      try {
        const fd = openSync(this.path, 'r+');
        try {
          ftruncateSync(fd, result.validLength);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        throw new DataFileError(`cannot cut the incomplete last record off the data file ${this.path}: ${fsReason(error)}`);
      }
      this.log(`Dropped an incomplete last record (${result.tornBytes} bytes) from ${this.path}, left by an interrupted write.`);
    }
    this.store.load(result.snapshot);
    for (const changes of result.changes) this.store.apply(changes);
    this.store.drain();
    this.closeFd();
    this.linesSinceSnapshot = result.changes.length;
    this.compactAt = COMPACT_AFTER_LINES;
    return true;
  }

  /**
   * Writes the store's whole state as a new file and renames it over the old one. Throws if that fails
   * before the rename: the old file is then unchanged and appends go on to it.
   */
  rewrite(): void {
    const text = Buffer.from(`${JSON.stringify(HEADER)}\n${JSON.stringify({ snapshot: this.store.snapshot() })}\n`);
    const temp = `${this.path}.tmp`;
    let fd: number | null = null;
    try {
      fd = openSync(temp, APPEND_NEW, 0o600);
      writeAll(fd, text);
      fsyncSync(fd);
      renameSync(temp, this.path);
    } catch (error) {
      if (fd !== null) closeSync(fd);
      try {
        unlinkSync(temp); // a full disk needs the space back
      } catch {
        // Never created.
      }
      throw error;
    }
    // The new file is in place: from here on appends go to it (the temp file's descriptor).
    this.closeFd();
    this.fd = fd;
    this.length = text.length;
    this.trimPending = false;
    this.linesSinceSnapshot = 0;
    this.compactAt = COMPACT_AFTER_LINES;
    try {
      fsyncFolder(dirname(this.path));
    } catch (error) {
      this.log(
        `could not fsync the folder of ${this.path} after rewriting it (${fsReason(error)}); a power cut now could bring back the previous file`,
      );
    }
  }

  /** A rewrite that only shortens the file: when it fails, say so and keep appending to the old file. */
  compact(): void {
    try {
      this.rewrite();
    } catch (error) {
      this.compactAt = this.linesSinceSnapshot + COMPACT_RETRY_LINES;
      this.log(
        `could not rewrite ${this.path} to compact it (${fsReason(error)}); it was left as it was and changes go on being appended to it`,
      );
    }
  }

  /** The descriptor to append with, the rest of a refused append cut off first. */
  private appendFd(): number {
    if (this.fd === null) {
      this.fd = openSync(this.path, 'a', 0o600);
      this.length = fstatSync(this.fd).size;
    }
    if (this.trimPending) {
      ftruncateSync(this.fd, this.length);
      this.trimPending = false;
    }
    return this.fd;
  }

  /** Appends one commit and fsyncs it; returns once it is durable, or throws DataFileWriteError. */
  append(changes: Change[]): void {
    if (changes.length === 0) return;
    const line = Buffer.from(`${JSON.stringify({ changes })}\n`);
    try {
      const fd = this.appendFd();
      try {
        writeAll(fd, line);
        fsyncSync(fd);
      } catch (error) {
        // Part of the line may be in the file: cut it off now, or before the next append.
        this.trimPending = true;
        try {
          this.appendFd();
        } catch {
          // Still refused; appendFd tries again next time.
        }
        throw error;
      }
    } catch (error) {
      const reason = fsReason(error);
      if (this.failing !== reason)
        this.log(`could not write to ${this.path}: ${reason}. Changes are refused (500) until it can be written; reads go on.`);
      this.failing = reason;
      throw new DataFileWriteError(this.path, reason);
    }
    this.length += line.length;
    if (this.failing !== null) {
      this.failing = null;
      this.log(`writing to ${this.path} again`);
    }
    if (++this.linesSinceSnapshot >= this.compactAt) this.compact();
  }

  private closeFd(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  close(): void {
    this.closeFd();
    this.options.lock?.release();
  }
}

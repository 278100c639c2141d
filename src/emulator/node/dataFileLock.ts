/**
 * One process per data file, and a folder it can live in. Shared by `npm run emulator -- --data` and
 * `npm start` (the embedded emulator), so both refuse the same way.
 *
 * The lock is `<data file>.lock`, created exclusively (link(2) of a fully written temp file, so nobody ever
 * reads a half-written lock) and holding the owner's pid and, on Linux, its start time. A lock whose process
 * is gone (kill -9, power cut) is stale and is taken over; the start time catches a pid reused by another
 * program. No library: the well-kept ones (proper-lockfile) judge staleness by an mtime the owner refreshes
 * on a timer, so a kill -9 blocks the next start until the lock ages, and a long synchronous load (the large
 * seed) can let a live lock look stale.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** A data file that cannot be used: the CLIs print the message as one line and exit 1. */
export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

export class DataFileInUseError extends DataFileError {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(`${file} is in use by another process (pid ${pid}); stop it or use another --data file.`);
    this.name = 'DataFileInUseError';
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'it exists and is not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large (the file size limit)',
  EIO: 'input/output error',
};

/** "permission denied (EACCES)": an errno error in words, without the path Node repeats in its message. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Creates the data file's folder (private to the user: it describes their emulated account). */
export function prepareDataFolder(file: string): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataFileError(`cannot create the data file's folder ${folder}: ${fsReason(error)}`);
  }
}

/** The start time of a process (Linux), so a pid the system gave to another program is not taken for ours. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; counted after the command name, which may contain spaces but ends at the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

interface Holder {
  pid: number;
  start: string | null;
}

function readHolder(lockPath: string): { text: string; holder: Holder | null } | null {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const [pidLine = '', startLine = ''] = text.split('\n');
  const pid = Number(pidLine);
  return { text, holder: Number.isInteger(pid) && pid > 0 ? { pid, start: startLine || null } : null };
}

/** Lock files this process holds (a second open of the same file in this process is refused too). */
const held = new Set<string>();

function isAlive(holder: Holder, lockPath: string): boolean {
  // Our own pid in a lock we do not hold: left by an earlier process that had it (a restarted container).
  if (holder.pid === process.pid) return held.has(lockPath);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = startTimeOf(holder.pid);
  return holder.start === null || start === null || start === holder.start;
}

/** Creates `lockPath` holding `text` only if it does not exist; false if it does. */
function createExclusively(lockPath: string, text: string): boolean {
  const temp = `${lockPath}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: an exclusive create (a crash between it and the write leaves an
    // empty lock, which counts as stale).
    let lockFd: number;
    try {
      lockFd = openSync(lockPath, 'wx', 0o600);
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
    try {
      writeSync(lockFd, text);
    } finally {
      closeSync(lockFd);
    }
    return true;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Moves a stale lock out of the way. Renaming it first and checking what was renamed means two processes
 * breaking the same stale lock cannot remove the fresh lock one of them has just made.
 */
function breakStaleLock(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    // Someone else's fresh lock: put it back (unless yet another lock appeared meanwhile).
    try {
      linkSync(aside, lockPath);
    } catch {
      // That other lock stands; ours will be refused by it.
    }
  }
  unlinkSync(aside);
}

let exitHookInstalled = false;

export interface DataFileLock {
  readonly path: string;
  release(): void;
}

function release(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  try {
    if (readHolder(lockPath)?.holder?.pid === process.pid) unlinkSync(lockPath);
  } catch {
    // Gone already, or the folder went away: nothing to release.
  }
}

/** Takes the data file's lock; throws DataFileInUseError naming the pid that holds it. */
export function lockDataFile(file: string): DataFileLock {
  const lockPath = `${file}.lock`;
  const text = `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n`;
  for (let attempt = 0; attempt < 10; attempt++) {
    let created: boolean;
    let found: ReturnType<typeof readHolder> = null;
    try {
      created = !held.has(lockPath) && createExclusively(lockPath, text);
      if (!created) found = readHolder(lockPath);
    } catch (error) {
      throw new DataFileError(`cannot write in the data file's folder ${dirname(file)}: ${fsReason(error)}`);
    }
    if (created) {
      held.add(lockPath);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        // Also on process.exit() and uncaught errors; a kill -9 leaves a stale lock, taken over next time.
        process.on('exit', () => {
          for (const path of [...held]) release(path);
        });
      }
      return { path: lockPath, release: () => release(lockPath) };
    }
    if (found === null) continue; // released meanwhile
    if (found.holder && isAlive(found.holder, lockPath)) throw new DataFileInUseError(file, found.holder.pid);
    try {
      breakStaleLock(lockPath, found.text);
    } catch (error) {
      throw new DataFileError(`cannot replace the stale lock ${lockPath}: ${fsReason(error)}`);
    }
  }
  throw new DataFileError(`cannot take the lock ${lockPath}: other processes keep taking it`);
}

/** What both CLIs do before loading: create the folder, then take the lock. */
export function claimDataFile(file: string): DataFileLock {
  prepareDataFolder(file);
  return lockDataFile(file);
}

/**
 * The emulator with its state: loaded from the data file when there is one, else seeded; --fresh moves an
 * existing file aside first. Both programs that run the emulator (`npm run emulator`, `npm start`) build it here.
 */
import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Emulator } from '../emulator';
import { EmulatorError } from '../errors';
import type { Quotas } from '../quotas';
import { applySeedQuotas, seedEmulator, type LargeSeedOptions, type SeedName } from '../seed';
import type { Change } from '../store';
import { claimDataFile, DataFileError, fsReason, type DataFileLock } from './dataFileLock';
import { DataFile, DataFileWriteError } from './persistence';

export interface EmulatorStateOptions {
  seed?: SeedName;
  large?: LargeSeedOptions;
  /** Absent: state lives in memory only. */
  dataFile?: string;
  /** Move an existing data file aside and start from the seed. */
  fresh?: boolean;
  speed?: number;
  account?: string;
  /** Quotas for every account (--quota); a seed may raise its own account's (applySeedQuotas). */
  quotas?: Partial<Quotas>;
  log?: (message: string) => void;
}

export interface EmulatorState {
  emulator: Emulator;
  dataFile: DataFile | null;
  /** Back to the seed (the admin route /_emulator/reset). */
  reseed: () => Promise<void>;
}

/**
 * --fresh: moves an existing data file aside (never deletes it: a mistyped flag must not cost a user their
 * state) to `<name>.<timestamp>.bak` beside it. Returns the new name, or null when there was no file.
 */
export function moveAsideForFresh(file: string, now: Date = new Date()): string | null {
  if (!existsSync(file)) return null;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(file), `${basename(file)}.${stamp}.bak`);
  for (let n = 2; existsSync(target); n++) target = join(dirname(file), `${basename(file)}.${stamp}-${n}.bak`);
  renameSync(file, target);
  return target;
}

/** The data file's lock, and with --fresh the old file moved aside (after the lock: a file another process uses must not be moved away under it). */
function claimForStart(file: string, options: EmulatorStateOptions & { lock?: DataFileLock }): DataFileLock {
  const lock = options.lock ?? claimDataFile(file);
  if (!options.fresh) return lock;
  try {
    const movedTo = moveAsideForFresh(file);
    if (movedTo) options.log?.(`--fresh: moved the previous emulator state to ${movedTo}`);
  } catch (error) {
    lock.release();
    throw new DataFileError(`cannot move the data file ${file} aside: ${fsReason(error)}`);
  }
  return lock;
}

/**
 * Builds an emulator with its state: loaded from the data file when there is one, else seeded. With a data
 * file it first makes the folder and takes the file's lock (unless `lock` is one already taken), moves the
 * old file aside with `fresh`, and throws
 * DataFileError (CorruptDataFileError, DataFileInUseError) when the file cannot be used.
 */
export async function createEmulatorState(options: EmulatorStateOptions & { lock?: DataFileLock }): Promise<EmulatorState> {
  const log = options.log ?? (() => {});
  const emulator = new Emulator({ account: options.account, speed: options.speed, quotas: options.quotas });
  const seed = options.seed ?? 'demo';
  const seedState = async (): Promise<void> => {
    emulator.reset();
    await seedEmulator(emulator, seed, { large: options.large });
    emulator.store.drain();
  };
  if (!options.dataFile) {
    await seedState();
    return { emulator, dataFile: null, reseed: () => emulator.exclusive(seedState) };
  }
  const lock = claimForStart(options.dataFile, options);
  const dataFile = new DataFile(options.dataFile, emulator.store, { log, lock });
  const append = (changes: Change[]): void => dataFile.append(changes);
  try {
    if (dataFile.load()) {
      applySeedQuotas(emulator, seed);
      emulator.rescheduleAll();
      dataFile.compact(); // on failure the file stays as it was and takes the appends
      log(`Loaded emulator state from ${dataFile.path}`);
    } else {
      await seedState();
      try {
        dataFile.rewrite();
      } catch (error) {
        throw new DataFileError(`cannot write the data file ${dataFile.path}: ${fsReason(error)}`);
      }
    }
  } catch (error) {
    dataFile.close();
    throw error;
  }
  emulator.onCommit(append);
  // Waits for mutations in flight and holds new ones back, so none lands on the discarded state. When the
  // new file cannot be written, the old one is still in place: go back to it.
  const reseed = (): Promise<void> =>
    emulator.exclusive(async () => {
      emulator.onCommit(null);
      try {
        await seedState();
        dataFile.rewrite();
      } catch (error) {
        log(`could not reset the emulator: ${fsReason(error)}; ${dataFile.path} was left as it was and its state is back`);
        dataFile.load();
        emulator.rescheduleAll();
        throw error instanceof EmulatorError ? error : new DataFileWriteError(dataFile.path, fsReason(error));
      } finally {
        emulator.onCommit(append);
      }
    });
  return { emulator, dataFile, reseed };
}

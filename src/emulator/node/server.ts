/** Starts the standalone emulator: state (seeded or loaded from --data), lifecycle timer, HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../emulator';
import { EmulatorError } from '../errors';
import type { Change } from '../store';
import { seedEmulator, type LargeSeedOptions, type SeedName } from '../seed';
import { claimDataFile, DataFileError, fsReason, type DataFileLock } from './dataFileLock';
import { DataFile, DataFileWriteError } from './persistence';
import { startLifecycleTimer } from './http';
import { createEmulatorListener } from './listener';
import { SigV4Verifier } from './sigv4';

export interface EmulatorServerOptions {
  port?: number;
  host?: string;
  seed?: SeedName;
  large?: LargeSeedOptions;
  dataFile?: string;
  speed?: number;
  account?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Lifecycle timer period in ms (transitions also happen on every request). */
  tickMillis?: number;
  log?: (message: string) => void;
}

export interface RunningEmulator {
  emulator: Emulator;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Builds an emulator with its state: loaded from the data file when there is one, else seeded. With a data
 * file it first makes the folder and takes the file's lock (unless `lock` is one already taken), and throws
 * DataFileError (CorruptDataFileError, DataFileInUseError) when the file cannot be used.
 */
export async function createEmulatorState(
  options: EmulatorServerOptions & { lock?: DataFileLock },
): Promise<{ emulator: Emulator; dataFile: DataFile | null; reseed: () => Promise<void> }> {
  const log = options.log ?? (() => {});
  const emulator = new Emulator({ account: options.account, speed: options.speed });
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
  const lock = options.lock ?? claimDataFile(options.dataFile);
  const dataFile = new DataFile(options.dataFile, emulator.store, { log, lock });
  const append = (changes: Change[]): void => dataFile.append(changes);
  try {
    if (dataFile.load()) {
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

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => {});
  const { emulator, dataFile, reseed } = await createEmulatorState(options);
  const verifier = options.credentials ? new SigV4Verifier(options.credentials.accessKeyId, options.credentials.secretAccessKey) : null;
  const server = createServer(
    { keepAlive: true },
    createEmulatorListener(emulator, {
      verifier,
      admin: { reseed },
      // A refused write was logged once by the data file, not once per request.
      onInternalError: (error) => {
        if (!(error instanceof DataFileWriteError)) log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    }),
  );
  server.keepAliveTimeout = 30_000;
  const stopTimer = startLifecycleTimer(emulator, options.tickMillis ?? 1000, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    emulator,
    server,
    url: `http://${host}:${address.port}`,
    close: async () => {
      stopTimer();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      dataFile?.close();
    },
  };
}

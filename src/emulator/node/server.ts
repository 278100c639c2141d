/** Starts the standalone emulator: state (seeded or loaded from --data), lifecycle timer, HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../emulator';
import { seedEmulator, type LargeSeedOptions, type SeedName } from '../seed';
import { DataFile } from './persistence';
import { createEmulatorListener, startLifecycleTimer } from './http';
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

/** Builds an emulator with its state: loaded from the data file when there is one, else seeded. */
export async function createEmulatorState(options: EmulatorServerOptions): Promise<{ emulator: Emulator; dataFile: DataFile | null; reseed: () => Promise<void> }> {
  const log = options.log ?? (() => {});
  const emulator = new Emulator({ account: options.account, speed: options.speed });
  const seed = options.seed ?? 'demo';
  const dataFile = options.dataFile ? new DataFile(options.dataFile, emulator.store) : null;
  // Waits for mutations in flight and holds new ones back, so none lands on the discarded state.
  const reseed = (): Promise<void> =>
    emulator.exclusive(async () => {
      emulator.onCommit(null);
      emulator.reset();
      await seedEmulator(emulator, seed, { large: options.large });
      if (dataFile) dataFile.rewrite();
      else emulator.store.drain();
      if (dataFile) emulator.onCommit((changes) => dataFile.append(changes));
    });
  if (dataFile && dataFile.load(log)) {
    emulator.rescheduleAll();
    dataFile.rewrite(); // compact what was read
    emulator.onCommit((changes) => dataFile.append(changes));
    log(`Loaded emulator state from ${dataFile.path}`);
  } else {
    await reseed();
  }
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
      onInternalError: (error) => log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
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

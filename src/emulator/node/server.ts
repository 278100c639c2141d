/** Starts the standalone emulator: state (seeded or loaded from --data), lifecycle timer, HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../emulator';
import { startLifecycleTimer } from './http';
import { createEmulatorListener } from './listener';
import { DataFileWriteError } from './persistence';
import { SigV4Verifier } from './sigv4';
import { createEmulatorState, type EmulatorStateOptions } from './state';
import { Principals, type AccessKey } from '../sts/principals';

export interface EmulatorServerOptions extends EmulatorStateOptions {
  port?: number;
  host?: string;
  /** Keys a request must be signed with (each of an account, default --account); none: no signature checked. */
  credentials?: AccessKey | readonly AccessKey[];
  /** Lifecycle timer period in ms (transitions also happen on every request). */
  tickMillis?: number;
  /** Milliseconds every API answer waits (--latency). */
  latencyMs?: number;
  /** The IAM user name STS GetCallerIdentity answers with (--principal-name). */
  principalName?: string;
}

export interface RunningEmulator {
  emulator: Emulator;
  /** The keys and issued sessions (tests). */
  principals: Principals;
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => {});
  const { emulator, dataFile, reseed } = await createEmulatorState(options);
  const keys = options.credentials === undefined ? [] : Array.isArray(options.credentials) ? options.credentials : [options.credentials];
  // Sessions expire on the emulator's clock (advance-clock ages them too).
  const principals = new Principals({
    account: emulator.config.account,
    keys: keys as readonly AccessKey[],
    principalName: options.principalName,
    nowMillis: () => emulator.now() * 1000,
  });
  const verifier = new SigV4Verifier(principals);
  const server = createServer(
    { keepAlive: true },
    createEmulatorListener(emulator, {
      verifier,
      principals,
      admin: { reseed },
      latencyMs: options.latencyMs,
      // A refused write was logged once by the data file, not once per request.
      onInternalError: (error) => {
        if (!(error instanceof DataFileWriteError))
          log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
    principals,
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

/**
 * Both servers that answer CloudHSM calls, for tests that hold them to the same rule: a test emulator and the
 * dashboard in emulator mode (its /aws/us-east-1), started for the whole file and closed after it.
 */
import { afterAll } from 'vitest';
import type { RunningEmulator } from '../../emulator/node/server';
import { startTestEmulator } from '../../emulator/testing/harness';
import { startTestServer, type TestServer } from './servers';

export const SERVER_NAMES = ['emulator', 'dashboard'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export interface EmulatorAndDashboard {
  emulator: RunningEmulator;
  dashboard: TestServer;
  /** Where each one takes a CloudHSM call. */
  servers: { name: ServerName; url: string }[];
}

/** Call at the top of a test file: `const { emulator, dashboard, servers } = await emulatorAndDashboard();`. */
export async function emulatorAndDashboard(): Promise<EmulatorAndDashboard> {
  const emulator = await startTestEmulator();
  const dashboard = await startTestServer();
  afterAll(async () => {
    await emulator.close();
    await dashboard.server.close();
  });
  return {
    emulator,
    dashboard,
    servers: [
      { name: 'emulator', url: `${emulator.url}/` },
      { name: 'dashboard', url: `${dashboard.url}/aws/us-east-1` },
    ],
  };
}

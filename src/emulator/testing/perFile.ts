/**
 * One emulator for a whole test file: `const { url } = await emulatorForThisFile();` at the top of the file
 * starts it (a test emulator: empty seed, port 0) and closes it after the file's tests.
 */
import { afterAll } from 'vitest';
import type { EmulatorServerOptions, RunningEmulator } from '../node/server';
import { startTestEmulator } from './harness';

export async function emulatorForThisFile(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const running = await startTestEmulator(options);
  afterAll(async () => {
    await running.close();
  });
  return running;
}

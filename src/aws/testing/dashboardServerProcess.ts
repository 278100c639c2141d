/**
 * Child-process entry of the test backend (run with `node --import tsx`): starts the real dashboard server
 * (`startDashboardServer`, in-process emulator) on a free port, optionally re-seeded with a small `large`
 * data set, and answers the parent over IPC:
 *   → { type: 'ready', url }                      once listening
 *   ← { id, method: 'records', region }           → { type: 'result', id, result: { clusters, backups } }
 *   ← { id, method: 'signCsr', csr }              → { type: 'result', id, result: { signedCert, trustAnchor } }
 * It exits when the parent disconnects (test file done, or the parent died).
 *
 * A separate process because hook tests run in happy-dom, where Vitest transforms modules for the browser
 * and the server's Node-only module code (import.meta.url as a file: URL) cannot load.
 */
import { signCsrWithTestCa } from '../../emulator/certs';
import { seedEmulator, type LargeSeedOptions } from '../../emulator/seed';
import { startDashboardServer } from '../../server/app';

export interface ServerProcessOptions {
  seed: 'empty' | 'demo';
  large?: LargeSeedOptions;
  speed: number;
}

export type ParentMessage = { id: number; method: 'records'; region: string } | { id: number; method: 'signCsr'; csr: string };
export type ChildMessage =
  { type: 'ready'; url: string } | { type: 'result'; id: number; result?: unknown; error?: string } | { type: 'failed'; message: string };

const ACCOUNT = '123456789012';

async function main(): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  const options = JSON.parse(process.argv[2] ?? '{}') as ServerProcessOptions;
  const server = await startDashboardServer({
    port: 0,
    seed: options.large ? 'empty' : options.seed,
    speed: options.speed,
    tickMillis: 25,
    log: () => {},
  });
  const emulator = server.emulator;
  if (!emulator) throw new Error('startDashboardServer did not start an emulator');
  if (options.large) {
    emulator.reset();
    await seedEmulator(emulator, 'large', { large: options.large });
  }
  const answer = async (message: ParentMessage): Promise<unknown> => {
    switch (message.method) {
      case 'records': {
        emulator.tick();
        const state = emulator.store.peekRegion(ACCOUNT, message.region);
        return { clusters: [...(state?.clusters.values() ?? [])], backups: [...(state?.backups.values() ?? [])] };
      }
      case 'signCsr':
        return signCsrWithTestCa(message.csr);
    }
  };
  process.on('message', (message: ParentMessage) => {
    answer(message).then(
      (result) => send({ type: 'result', id: message.id, result }),
      (error: unknown) => send({ type: 'result', id: message.id, error: String(error) }),
    );
  });
  process.on('disconnect', () => {
    void server.close().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: server.url });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
